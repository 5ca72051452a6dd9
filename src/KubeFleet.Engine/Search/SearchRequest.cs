using KubeFleet.Engine.Connections;

namespace KubeFleet.Engine.Search;

/// <summary>
/// What to search for across a fleet, as the user asked. <see cref="SearchPlan.Create"/> checks
/// and parses it before anything is sent to a cluster.
/// </summary>
public sealed record SearchRequest
{
    /// <summary>The default of <see cref="ThrottleLimit"/>.</summary>
    public const int DefaultThrottleLimit = 32;

    /// <summary>The default of <see cref="PageSize"/>: kubectl's <c>--chunk-size</c>.</summary>
    public const int DefaultPageSize = 500;

    /// <summary>The clusters to search, each by its registered name and how to reach it.</summary>
    public required IReadOnlyList<SearchTarget> Clusters { get; init; }

    /// <summary>
    /// Resource type names as kubectl takes them (kinds, plurals, singulars, short names,
    /// <c>resource.group</c>, categories), resolved on each cluster. None: the kinds the query
    /// names, or else the <c>all</c> category, as <c>kubectl get all</c>.
    /// </summary>
    public IReadOnlyList<string> Kinds { get; init; } = [];

    /// <summary>Namespace patterns (PowerShell wildcards); none means every namespace. Cluster-scoped kinds ignore them, as kubectl does.</summary>
    public IReadOnlyList<string> Namespaces { get; init; } = [];

    /// <summary>Name patterns (PowerShell wildcards); none means every name.</summary>
    public IReadOnlyList<string> Names { get; init; } = [];

    /// <summary>A Kubernetes label selector, e.g. <c>app=web,tier in (front,back)</c>.</summary>
    public string? LabelSelector { get; init; }

    /// <summary>
    /// A Kubernetes field selector, e.g. <c>status.phase=Running</c>. Sent to the server for kinds
    /// that support every field in it; evaluated on each object for the others.
    /// </summary>
    public string? FieldSelector { get; init; }

    /// <summary>A query in Karpor's SQL dialect (see <see cref="Query.SearchQuery"/>).</summary>
    public string? Query { get; init; }

    /// <summary>How many clusters are searched at once.</summary>
    public int ThrottleLimit { get; init; } = DefaultThrottleLimit;

    /// <summary>The longest one cluster's search may take; null for no limit beyond each request's own timeouts.</summary>
    public TimeSpan? ClusterTimeout { get; init; }

    /// <summary>Items per list page; 0 reads each list in one response.</summary>
    public int PageSize { get; init; } = DefaultPageSize;

    /// <summary>Whether Secret values are returned instead of redacted.</summary>
    public bool IncludeSecretData { get; init; }

    /// <summary>Results to leave out before the first one returned (after ordering, when the query orders).</summary>
    public long Skip { get; init; }

    /// <summary>The most results to return; the search stops as soon as it has them. Null for all.</summary>
    public long? First { get; init; }
}

/// <summary>A cluster to search: its registered name and how to reach it.</summary>
public sealed record SearchTarget(string Name, ClusterAccess Access);
