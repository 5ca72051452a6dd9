using System.Collections;
using System.Collections.Specialized;
using System.Text.Json;
using KubeFleet.Engine.Search.Lists;

namespace KubeFleet.Engine.Search;

/// <summary>
/// Turns an object's JSON into the plain .NET values PowerShell handles natively: objects become
/// <see cref="OrderedDictionary"/> (member order kept, keys matched ignoring case as PowerShell
/// matches property names, so <c>$o.spec.replicas</c> works), arrays <c>object[]</c>, numbers
/// <see cref="long"/> or <see cref="double"/>, and strings, booleans and null themselves.
/// <c>ConvertTo-Json</c> turns the result back into the same JSON.
/// </summary>
internal static class JsonObjectGraph
{
    public static OrderedDictionary ToDictionary(ReadOnlySpan<byte> json)
    {
        var reader = ObjectJson.Reader(json);
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("Expected a JSON object.");
        }

        return ReadObject(ref reader);
    }

    private static object? ReadValue(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.StartObject => ReadObject(ref reader),
        JsonTokenType.StartArray => ReadArray(ref reader),
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number => reader.TryGetInt64(out var integer) ? (object)integer : reader.GetDouble(),
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        _ => null,
    };

    private static OrderedDictionary ReadObject(ref Utf8JsonReader reader)
    {
        var members = new OrderedDictionary(StringComparer.OrdinalIgnoreCase);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            reader.Read();
            var value = ReadValue(ref reader);
            if (members.Contains(name) && !ContainsExactly(members, name))
            {
                // Label and annotation keys are case-sensitive: "App" and "app" may both be there.
                // Such an object keeps every member and matches keys exactly instead.
                members = CaseSensitiveCopy(members);
            }

            members[name] = value;
        }

        return members;
    }

    private static object?[] ReadArray(ref Utf8JsonReader reader)
    {
        var elements = new List<object?>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            elements.Add(ReadValue(ref reader));
        }

        return elements.ToArray();
    }

    private static bool ContainsExactly(OrderedDictionary members, string name)
    {
        foreach (var key in members.Keys)
        {
            if (string.Equals((string)key, name, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static OrderedDictionary CaseSensitiveCopy(OrderedDictionary members)
    {
        var copy = new OrderedDictionary(StringComparer.Ordinal);
        foreach (DictionaryEntry member in members)
        {
            copy.Add(member.Key, member.Value);
        }

        return copy;
    }
}
