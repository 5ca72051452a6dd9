namespace KubeFleet.Engine.KubeConfig.Yaml;

/// <summary>
/// A YAML node as the kubeconfig reader needs it: aliases already resolved to shared instances,
/// merge keys applied, and a position for error messages.
/// </summary>
internal abstract class YamlValue(long line, long column)
{
    public long Line { get; } = line;

    public long Column { get; } = column;

    /// <summary>How many nodes this value stands for once every alias in it is expanded.</summary>
    public abstract long ExpandedSize { get; }

    public string Position => $"line {Line}, column {Column}";
}

internal sealed class YamlScalar(string text, bool isPlain, string? tag, long line, long column) : YamlValue(line, column)
{
    /// <summary>The text exactly as written, after YAML unquoting and folding.</summary>
    public string Text { get; } = text;

    /// <summary>Unquoted and untagged: the only form YAML resolves to null, booleans or numbers.</summary>
    public bool IsPlain { get; } = isPlain;

    /// <summary>The explicit tag (<c>tag:yaml.org,2002:str</c> for <c>!!str</c>), or null.</summary>
    public string? Tag { get; } = tag;

    public override long ExpandedSize => 1;

    public bool IsNull => IsPlain && Text is "" or "~" or "null" or "Null" or "NULL" || Tag == YamlTags.Null;
}

internal sealed class YamlSequence(IReadOnlyList<YamlValue> items, long line, long column) : YamlValue(line, column)
{
    public IReadOnlyList<YamlValue> Items { get; } = items;

    public override long ExpandedSize { get; } = 1 + items.Sum(item => item.ExpandedSize);
}

internal sealed class YamlMapping : YamlValue
{
    private readonly Dictionary<string, YamlValue> byKey;

    public YamlMapping(IReadOnlyList<KeyValuePair<string, YamlValue>> entries, long line, long column)
        : base(line, column)
    {
        Entries = entries;
        byKey = entries.ToDictionary(entry => entry.Key, entry => entry.Value, StringComparer.Ordinal);
        ExpandedSize = 1 + entries.Sum(entry => 1 + entry.Value.ExpandedSize);
    }

    /// <summary>The entries in document order, keys unique.</summary>
    public IReadOnlyList<KeyValuePair<string, YamlValue>> Entries { get; }

    public override long ExpandedSize { get; }

    public YamlValue? this[string key] => byKey.GetValueOrDefault(key);
}

internal static class YamlTags
{
    public const string String = "tag:yaml.org,2002:str";
    public const string Null = "tag:yaml.org,2002:null";
    public const string Bool = "tag:yaml.org,2002:bool";
    public const string Int = "tag:yaml.org,2002:int";
    public const string Float = "tag:yaml.org,2002:float";
}
