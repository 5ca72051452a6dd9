using KubeFleet.Engine.Errors;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace KubeFleet.Engine.KubeConfig.Yaml;

/// <summary>
/// Reads one YAML (or JSON) document into <see cref="YamlValue"/>s from YamlDotNet's event stream,
/// refusing what a hostile kubeconfig could use against the reader: duplicate keys (which
/// silently hide a value), alias bombs, deep nesting and several documents in one file.
/// </summary>
/// <remarks>
/// The event parser is not recursive, and this reader keeps its own stack, so depth is bounded by
/// <see cref="KubeConfigLimits.MaxNestingDepth"/> rather than by the thread's stack.
/// </remarks>
internal sealed class BoundedYamlReader
{
    private const string MergeKey = "<<";
    private const string MergeTag = "tag:yaml.org,2002:merge";

    private readonly KubeConfigOrigin origin;
    private readonly Dictionary<string, YamlValue> anchors = new(StringComparer.Ordinal);
    private readonly Stack<CollectionBuilder> open = new();
    private long aliasExpansion;
    private YamlValue? root;

    private BoundedYamlReader(KubeConfigOrigin origin) => this.origin = origin;

    /// <summary>The document's root, or null when the text holds no document at all.</summary>
    public static YamlValue? Read(string text, KubeConfigOrigin origin) => new BoundedYamlReader(origin).ReadDocument(text);

    private YamlValue? ReadDocument(string text)
    {
        var parser = new Parser(new StringReader(text));
        var documents = 0;
        try
        {
            while (parser.MoveNext())
            {
                switch (parser.Current)
                {
                    case DocumentStart start:
                        if (++documents > 1)
                        {
                            throw Error(KubeConfigErrorIds.MultipleDocuments, ErrorKind.InvalidData, start.Start,
                                "holds more than one YAML document (a second '---'). A kubeconfig is a single document: split the file, or pass each part separately.");
                        }
                        break;
                    case Scalar scalar:
                        Add(Remember(scalar.Anchor, new YamlScalar(scalar.Value, IsPlain(scalar), TagOf(scalar.Tag), scalar.Start.Line, scalar.Start.Column)));
                        break;
                    case AnchorAlias alias:
                        Add(Expand(alias));
                        break;
                    case MappingStart mapping:
                        Open(new MappingBuilder(this, mapping.Anchor, mapping.Start));
                        break;
                    case SequenceStart sequence:
                        Open(new SequenceBuilder(sequence.Anchor, sequence.Start));
                        break;
                    case MappingEnd or SequenceEnd:
                        var builder = open.Pop();
                        Add(Remember(builder.Anchor, builder.Build()));
                        break;
                }
            }
        }
        catch (YamlException e)
        {
            throw new KubeFleetException(KubeConfigErrorIds.SyntaxError, ErrorKind.InvalidData,
                $"{origin.Description} is not valid YAML (line {e.Start.Line}, column {e.Start.Column}): {e.Message} Fix it, or export it again (for example with 'kubectl config view --raw').",
                origin.Target, e);
        }
        return root;
    }

    private static bool IsPlain(Scalar scalar) => scalar.Style == ScalarStyle.Plain && scalar.Tag.IsEmpty;

    private static string? TagOf(TagName tag) => tag.IsEmpty || tag.IsNonSpecific ? null : tag.Value;

    private void Open(CollectionBuilder builder)
    {
        if (open.Count >= KubeConfigLimits.MaxNestingDepth)
        {
            throw Error(KubeConfigErrorIds.TooDeep, ErrorKind.LimitsExceeded, builder.Start,
                $"nests mappings and sequences more than {KubeConfigLimits.MaxNestingDepth} levels deep. No kubeconfig needs that: the file is damaged or was not meant as a kubeconfig.");
        }
        open.Push(builder);
    }

    private YamlValue Expand(AnchorAlias alias)
    {
        if (!anchors.TryGetValue(alias.Value.Value, out var value))
        {
            throw Error(KubeConfigErrorIds.SyntaxError, ErrorKind.InvalidData, alias.Start,
                $"uses the alias *{alias.Value.Value} before (or inside) the node its anchor &{alias.Value.Value} names. Define the anchor first, and never refer to a node from inside itself.");
        }
        aliasExpansion += value.ExpandedSize;
        if (aliasExpansion > KubeConfigLimits.MaxAliasExpansion)
        {
            throw Error(KubeConfigErrorIds.AliasLimitExceeded, ErrorKind.LimitsExceeded, alias.Start,
                $"expands YAML aliases to more than {KubeConfigLimits.MaxAliasExpansion:N0} nodes (an alias bomb). Write the repeated parts out, or use fewer nested aliases.");
        }
        return value;
    }

    private YamlValue Remember(AnchorName anchor, YamlValue value)
    {
        if (!anchor.IsEmpty)
        {
            anchors[anchor.Value] = value;
        }
        return value;
    }

    private void Add(YamlValue value)
    {
        if (open.TryPeek(out var parent))
        {
            parent.Add(value);
        }
        else
        {
            root = value;
        }
    }

    private KubeFleetException Error(string errorId, ErrorKind kind, Mark at, string problem) =>
        Error(errorId, kind, at.Line, at.Column, problem);

    private KubeFleetException Error(string errorId, ErrorKind kind, long line, long column, string problem) =>
        new(errorId, kind, $"{origin.Description} (line {line}, column {column}) {problem}", origin.Target);

    private abstract class CollectionBuilder(AnchorName anchor, Mark start)
    {
        public AnchorName Anchor { get; } = anchor;

        public Mark Start { get; } = start;

        public abstract void Add(YamlValue value);

        public abstract YamlValue Build();
    }

    private sealed class SequenceBuilder(AnchorName anchor, Mark start) : CollectionBuilder(anchor, start)
    {
        private readonly List<YamlValue> items = [];

        public override void Add(YamlValue value) => items.Add(value);

        public override YamlValue Build() => new YamlSequence(items, Start.Line, Start.Column);
    }

    private sealed class MappingBuilder(BoundedYamlReader reader, AnchorName anchor, Mark start) : CollectionBuilder(anchor, start)
    {
        private readonly List<KeyValuePair<string, YamlValue>> entries = [];
        private readonly HashSet<string> keys = new(StringComparer.Ordinal);
        private readonly List<(YamlMapping Source, YamlScalar MergeKey, HashSet<string> KeysBefore)> merged = [];
        private YamlScalar? pendingKey;

        public override void Add(YamlValue value)
        {
            if (pendingKey is null)
            {
                pendingKey = value as YamlScalar ?? throw reader.Error(KubeConfigErrorIds.SyntaxError, ErrorKind.InvalidData,
                    value.Line, value.Column, "uses a mapping or sequence as a key. Kubeconfig keys are plain names.");
                if (!keys.Add(pendingKey.Text))
                {
                    throw reader.Error(KubeConfigErrorIds.DuplicateKey, ErrorKind.InvalidData, value.Line, value.Column,
                        $"repeats the key '{pendingKey.Text}' in one mapping. YAML readers disagree on which copy wins, so KubeFleet takes neither: keep one.");
                }
                return;
            }
            if (IsMergeKey(pendingKey))
            {
                AddMergeSource(pendingKey, value);
            }
            else
            {
                entries.Add(new(pendingKey.Text, value));
            }
            pendingKey = null;
        }

        // YAML's merge key: explicit keys win over merged ones, and earlier merge sources over later.
        // kubectl's YAML reader instead lets a merge override the keys written before it; where the
        // two would differ, neither is taken.
        public override YamlValue Build()
        {
            foreach (var (source, mergeKey, keysBefore) in merged)
            {
                foreach (var entry in source.Entries)
                {
                    if (keysBefore.Contains(entry.Key))
                    {
                        throw reader.Error(KubeConfigErrorIds.DuplicateKey, ErrorKind.InvalidData, mergeKey.Line, mergeKey.Column,
                            $"merges ('<<') the key '{entry.Key}' after setting it. kubectl lets the merged value win, the YAML specification the one written out, so KubeFleet takes neither: put '<<' first, or drop one of them.");
                    }
                    if (keys.Add(entry.Key))
                    {
                        entries.Add(entry);
                    }
                }
            }
            return new YamlMapping(entries, Start.Line, Start.Column);
        }

        private static bool IsMergeKey(YamlScalar key) => key.Text == MergeKey && (key.IsPlain || key.Tag == MergeTag);

        private void AddMergeSource(YamlScalar mergeKey, YamlValue value)
        {
            var keysBefore = entries.Select(entry => entry.Key).ToHashSet(StringComparer.Ordinal);
            var sources = value is YamlSequence sequence ? sequence.Items : [value];
            foreach (var source in sources)
            {
                var mapping = source as YamlMapping ?? throw reader.Error(KubeConfigErrorIds.SyntaxError, ErrorKind.InvalidData,
                    source.Line, source.Column, "merges ('<<') something that is not a mapping. A merge key takes a mapping or a list of mappings.");
                merged.Add((mapping, mergeKey, keysBefore));
            }
        }
    }
}
