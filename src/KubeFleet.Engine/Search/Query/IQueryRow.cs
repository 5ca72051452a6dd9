using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace KubeFleet.Engine.Search.Query;

/// <summary>
/// One resource as a query sees it. The search engine supplies the columns it knows without
/// looking into the object (the cluster, the kind and apiVersion, which list items do not carry);
/// everything else is read from <see cref="Json"/>.
/// </summary>
public interface IQueryRow
{
    /// <summary>The registered name of the cluster the resource was read from.</summary>
    string Cluster { get; }

    string ApiVersion { get; }

    string Kind { get; }

    /// <summary>Null for cluster-scoped resources.</summary>
    string? Namespace { get; }

    string Name { get; }

    string? ResourceVersion { get; }

    DateTimeOffset? CreationTimestamp { get; }

    /// <summary>Set only while the resource is being deleted.</summary>
    DateTimeOffset? DeletionTimestamp { get; }

    bool TryGetLabel(string key, [NotNullWhen(true)] out string? value);

    bool TryGetAnnotation(string key, [NotNullWhen(true)] out string? value);

    /// <summary>The whole object, parsed: what relations and field selectors read.</summary>
    JsonElement Object { get; }

    /// <summary>
    /// The whole object as UTF-8 JSON. Queries read JSON-path columns and <c>ownerReferences.*</c>
    /// from it without parsing it whole, and the <c>content</c> column is its text, made only for
    /// queries that use it.
    /// </summary>
    ReadOnlyMemory<byte> Json { get; }
}
