using KubeFleet.Engine.Search.Query;
using KubeFleet.Engine.Selectors;

namespace KubeFleet.Engine.Insight.Relations;

/// <summary>
/// A list read from the resource's cluster that can hold related resources: a kind, where to look
/// and what the server can filter. Equal reads are made once however many relations need them.
/// </summary>
/// <param name="Group">The kind's API group, "" for the core group.</param>
/// <param name="Namespace">The namespace to list, when the kind is namespaced; null lists all namespaces. Ignored for cluster-scoped kinds.</param>
public sealed record RelatedRead(string Group, string Kind, string? Namespace, LabelSelector LabelSelector, FieldSelector FieldSelector)
{
    public static RelatedRead All(string group, string kind, string? @namespace) =>
        new(group, kind, @namespace, LabelSelector.Everything, FieldSelector.Everything);

    /// <summary>Reads one object by name, with a <c>metadata.name</c> field selector.</summary>
    public static RelatedRead Named(string group, string kind, string? @namespace, string name) =>
        new(group, kind, @namespace, LabelSelector.Everything, new FieldSelector([new FieldRequirement("metadata.name", FieldOperator.Equals, name)]));

    /// <summary>Whether the read returns the object: what the server would answer, for objects already at hand.</summary>
    public bool Covers(IQueryRow row) =>
        row.Is(Group, Kind)
        && (Namespace is null || row.Namespace is null || row.Namespace == Namespace)
        && LabelSelector.Matches(row.Labels())
        && SelectableFields.For(Group, Kind, namespaced: row.Namespace is not null).Matches(FieldSelector, row.Object);

    // Selectors compare by their canonical text: records would compare their references.
    public bool Equals(RelatedRead? other) =>
        other is not null
        && (Group, Kind, Namespace, LabelSelector.ToString(), FieldSelector.ToString())
            == (other.Group, other.Kind, other.Namespace, other.LabelSelector.ToString(), other.FieldSelector.ToString());

    public override int GetHashCode() => HashCode.Combine(Group, Kind, Namespace, LabelSelector.ToString(), FieldSelector.ToString());

    public override string ToString()
    {
        var kind = Group.Length == 0 ? Kind : $"{Kind}.{Group}";
        var where = Namespace is null ? "" : $" in {Namespace}";
        var selectors = string.Join(" ", new[] { LabelSelector.IsEmpty ? null : $"-l {LabelSelector}", FieldSelector.IsEmpty ? null : $"--field-selector {FieldSelector}" }.OfType<string>());
        return $"{kind}{where}{(selectors.Length == 0 ? "" : " " + selectors)}";
    }
}
