using System.Text.Json;

namespace KubeFleet.Engine.Profile;

/// <summary>
/// Reads the properties of one JSON object by type, naming the JSON path of any property that has
/// the wrong type. A property that is absent or null counts as not given.
/// </summary>
internal readonly struct JsonObjectReader
{
    private readonly JsonElement element;

    public JsonObjectReader(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new ProfileFormatException(path, "must be a JSON object");
        }

        this.element = element;
        Path = path;
    }

    public string Path { get; }

    public JsonElement? Optional(string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    public string? OptionalString(string name) => Optional(name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.String } value => value.GetString(),
        _ => throw Wrong(name, "a string"),
    };

    public string RequiredString(string name) => OptionalString(name) ?? throw Missing(name);

    public bool OptionalBool(string name) => Optional(name) switch
    {
        null => false,
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        _ => throw Wrong(name, "true or false"),
    };

    public int RequiredInt(string name) => Optional(name) switch
    {
        null => throw Missing(name),
        { ValueKind: JsonValueKind.Number } value when value.TryGetInt32(out var number) => number,
        _ => throw Wrong(name, "a whole number"),
    };

    public Guid RequiredGuid(string name) =>
        Guid.TryParse(RequiredString(name), out var guid) ? guid : throw Wrong(name, "a GUID");

    public DateTimeOffset? OptionalTimestamp(string name) => Optional(name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.String } value when value.TryGetDateTimeOffset(out var time) => time,
        _ => throw Wrong(name, "an ISO 8601 date and time"),
    };

    public DateTimeOffset RequiredTimestamp(string name) => OptionalTimestamp(name) ?? throw Missing(name);

    /// <summary>An absolute https:// or http:// URL (on Unix, .NET also takes "/path" as an absolute file URL).</summary>
    public Uri RequiredHttpUrl(string name) => RequiredString(name) switch
    {
        var text when Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) => uri,
        _ => throw Wrong(name, "an https:// or http:// URL"),
    };

    public JsonObjectReader? OptionalObject(string name) =>
        Optional(name) is { } value ? new JsonObjectReader(value, Child(name)) : null;

    public IEnumerable<(JsonElement Item, string Path)> OptionalArray(string name)
    {
        if (Optional(name) is not { } value)
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw Wrong(name, "a JSON array");
        }

        var path = Child(name);
        return value.EnumerateArray().Select((item, index) => (item, $"{path}[{index}]"));
    }

    public List<string> OptionalStrings(string name) =>
        OptionalArray(name)
            .Select(entry => entry.Item.ValueKind == JsonValueKind.String
                ? entry.Item.GetString()!
                : throw new ProfileFormatException(entry.Path, "must be a string"))
            .ToList();

    public Dictionary<string, string> OptionalStringMap(string name)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (OptionalObject(name) is not { } entries)
        {
            return map;
        }

        foreach (var entry in entries.element.EnumerateObject())
        {
            map[entry.Name] = entry.Value.ValueKind == JsonValueKind.String
                ? entry.Value.GetString()!
                : throw new ProfileFormatException(entries.Child(entry.Name), "must be a string");
        }

        return map;
    }

    /// <summary>The properties this version does not know, in file order, to be written back unchanged.</summary>
    public List<KeyValuePair<string, JsonElement>> Unknown(IReadOnlySet<string> known) =>
        element.EnumerateObject()
            .Where(property => !known.Contains(property.Name))
            .Select(property => KeyValuePair.Create(property.Name, property.Value.Clone()))
            .ToList();

    public ProfileFormatException Wrong(string name, string expected) => new(Child(name), $"must be {expected}");

    private ProfileFormatException Missing(string name) => new(Child(name), "is missing");

    private string Child(string name) => Path.Length == 0 ? name : $"{Path}.{name}";
}
