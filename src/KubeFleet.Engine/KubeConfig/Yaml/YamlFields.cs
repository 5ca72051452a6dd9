using KubeFleet.Engine.Errors;

namespace KubeFleet.Engine.KubeConfig.Yaml;

/// <summary>
/// Typed reads of one kubeconfig mapping, with the field's path and position in every error.
/// Absent and null fields read as absent, as in client-go, where an empty value means "not set".
/// </summary>
internal sealed class YamlFields(YamlMapping mapping, string path, KubeConfigOrigin origin)
{
    public string Path { get; } = path;

    public YamlMapping Mapping { get; } = mapping;

    public bool Has(string key) => Value(key) is not null;

    public YamlValue? Value(string key) => Mapping[key] is { } value && !(value is YamlScalar scalar && scalar.IsNull) ? value : null;

    /// <summary>The text of a scalar field, null when absent or empty.</summary>
    public string? String(string key) => Value(key) switch
    {
        null => null,
        YamlScalar { Text: "" } => null,
        YamlScalar scalar => Text(key, scalar),
        var other => throw Invalid(key, other, "must be a single value, not a mapping or a list"),
    };

    public bool Boolean(string key)
    {
        var value = Value(key);
        if (value is null)
        {
            return false;
        }
        if (value is YamlScalar scalar && YamlScalarResolution.TryGetBoolean(scalar, out var result))
        {
            return result;
        }
        var shown = value is YamlScalar text ? $"'{text.Text}'" : "a mapping or a list";
        throw Invalid(key, value, $"must be true or false, not {shown}");
    }

    public IReadOnlyList<string> Strings(string key) => Value(key) switch
    {
        null => [],
        YamlSequence sequence => sequence.Items.Select((item, index) => item switch
        {
            YamlScalar scalar => scalar.IsNull ? "" : Text($"{key}[{index}]", scalar),
            _ => throw Invalid($"{key}[{index}]", item, "must be a single value, not a mapping or a list"),
        }).ToList(),
        var other => throw Invalid(key, other, "must be a list of values"),
    };

    public YamlFields? Nested(string key) => Value(key) switch
    {
        null => null,
        YamlMapping nested => new YamlFields(nested, $"{Prefix}{key}", origin),
        var other => throw Invalid(key, other, "must be a mapping of fields"),
    };

    /// <summary>A list of mappings, each read with its index in the path: <c>users[2]</c>.</summary>
    public IReadOnlyList<YamlFields> List(string key) => Value(key) switch
    {
        null => [],
        YamlSequence sequence => sequence.Items.Select((item, index) => item switch
        {
            YamlMapping nested => new YamlFields(nested, $"{Prefix}{key}[{index}]", origin),
            YamlScalar { IsNull: true } => new YamlFields(new YamlMapping([], item.Line, item.Column), $"{Prefix}{key}[{index}]", origin),
            _ => throw Invalid($"{key}[{index}]", item, "must be a mapping of fields"),
        }).ToList(),
        var other => throw Invalid(key, other, "must be a list"),
    };

    // The value itself is not repeated: the field may be a token.
    private string Text(string key, YamlScalar scalar) =>
        YamlScalarResolution.IsNotText(scalar)
            ? throw Invalid(key, scalar, "must be text, but YAML reads the value as a number or true/false (and so does kubectl, which refuses it). Put the value in quotes")
            : scalar.Text;

    public KubeFleetException Invalid(string key, YamlValue at, string problem) =>
        new(KubeConfigErrorIds.InvalidField, ErrorKind.InvalidData,
            $"{origin.Description} is not a valid kubeconfig: {Prefix}{key} ({at.Position}) {problem}. Fix that field and try again.",
            origin.Target);

    private string Prefix => Path.Length == 0 ? "" : Path + ".";
}
