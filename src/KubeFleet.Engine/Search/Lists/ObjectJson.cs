using System.Text.Json;

namespace KubeFleet.Engine.Search.Lists;

/// <summary>
/// One object's JSON read again after its list, allowed to nest as deep as the list decoder let it
/// (<see cref="ListDecoder.MaxDepth"/>): what decoded in the list must read the same alone.
/// </summary>
internal static class ObjectJson
{
    public static Utf8JsonReader Reader(ReadOnlySpan<byte> json) => new(json, new JsonReaderOptions { MaxDepth = ListDecoder.MaxDepth });

    public static JsonElement Parse(ReadOnlySpan<byte> json)
    {
        var reader = Reader(json);
        return JsonElement.ParseValue(ref reader);
    }
}
