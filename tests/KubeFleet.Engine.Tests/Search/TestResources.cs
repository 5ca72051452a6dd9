using System.Text;
using KubeFleet.Engine.Discovery;
using KubeFleet.Engine.Search;
using KubeFleet.Engine.Search.Lists;

namespace KubeFleet.Engine.Tests.Search;

/// <summary>Results made the way a search makes them: an item decoded from a list, as a cluster sends it.</summary>
internal static class TestResources
{
    public static ApiResource Type(string group, string kind, bool namespaced = true) => new()
    {
        Group = group,
        Version = "v1",
        Resource = kind.ToLowerInvariant() + "s",
        Kind = kind,
        Namespaced = namespaced,
        Verbs = ["list"],
    };

    public static ClusterResource Of(string group, string kind, string itemJson, bool namespaced = true) =>
        new("prod", Type(group, kind, namespaced), Decode(Type(group, kind, namespaced), itemJson));

    public static ListItem Decode(ApiResource type, string itemJson)
    {
        using var decoder = new ListDecoder(new ListItemType(type.ApiVersion, type.Kind));
        var body = Encoding.UTF8.GetBytes("{\"items\":[" + itemJson + "]}");
        var offset = 0;
        while (offset < body.Length)
        {
            var memory = decoder.GetMemory();
            var count = Math.Min(memory.Length, body.Length - offset);
            body.AsSpan(offset, count).CopyTo(memory.Span);
            decoder.Advance(count);
            offset += count;
        }

        decoder.CompleteInput();
        Assert.True(decoder.TryDecodeItem(out var item));
        return item;
    }
}
