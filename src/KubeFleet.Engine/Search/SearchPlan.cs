using KubeFleet.Engine.Errors;
using KubeFleet.Engine.Search.Query;
using KubeFleet.Engine.Selectors;

namespace KubeFleet.Engine.Search;

/// <summary>
/// A checked, parsed <see cref="SearchRequest"/>: every pattern, selector and the query are valid,
/// and what servers can be asked to filter is worked out. Made before any request is sent, so a
/// mistake in the request is one error, not one per cluster.
/// </summary>
public sealed class SearchPlan
{
    /// <summary>The category searched when neither the kinds nor the query name any: what <c>kubectl get all</c> lists.</summary>
    public const string DefaultCategory = "all";

    private SearchPlan(SearchRequest request, SearchQuery? query)
    {
        Request = request;
        Query = query;
        NamespacePatterns = request.Namespaces.Select(WildcardPattern.Parse).ToList();
        NamePatterns = request.Names.Select(WildcardPattern.Parse).ToList();
        var userLabels = string.IsNullOrWhiteSpace(request.LabelSelector) ? LabelSelector.Everything : LabelSelector.Parse(request.LabelSelector);
        FieldSelector = string.IsNullOrWhiteSpace(request.FieldSelector) ? FieldSelector.Everything : FieldSelector.Parse(request.FieldSelector);
        var pushdown = query?.Pushdown;
        LabelSelector = pushdown is null || pushdown.LabelSelector.IsEmpty
            ? userLabels
            : new LabelSelector(userLabels.Requirements.Concat(pushdown.LabelSelector.Requirements));
        QueryFieldSelector = pushdown?.FieldSelector ?? FieldSelector.Everything;
        KindNames = KindNamesOf(request, pushdown);
        NamespaceScopes = ScopesOf(NamespacePatterns, pushdown);
        ClusterScopedExcluded = pushdown?.Namespaces is not null;
        ExactName = NamePatterns is [{ HasWildcards: false } only] ? only.Literal : null;
        MatchesNothing = pushdown?.MatchesNothing == true || request.First == 0 || NamespaceScopes is { Count: 0 };
        Clusters = MatchesNothing ? [] : ClustersOf(request.Clusters, pushdown);
    }

    public SearchRequest Request { get; }

    /// <summary>The clusters that will be searched: the request's, less those the query rules out (for progress: the total).</summary>
    public IReadOnlyList<SearchTarget> Clusters { get; }

    /// <summary>True when nothing can match (the query contradicts itself, or no result was asked for): no cluster is asked anything.</summary>
    public bool MatchesNothing { get; }

    internal SearchQuery? Query { get; }

    /// <summary>The resource type names to resolve on each cluster.</summary>
    internal IReadOnlyList<string> KindNames { get; }

    internal IReadOnlyList<WildcardPattern> NamespacePatterns { get; }

    internal IReadOnlyList<WildcardPattern> NamePatterns { get; }

    /// <summary>The user's label selector and what the query adds to it.</summary>
    internal LabelSelector LabelSelector { get; }

    /// <summary>The user's field selector.</summary>
    internal FieldSelector FieldSelector { get; }

    /// <summary>The query's <c>name = '…'</c> terms, which every kind supports on the server.</summary>
    internal FieldSelector QueryFieldSelector { get; }

    /// <summary>
    /// The namespaces to list namespaced kinds in, one request each, or null to list across all
    /// namespaces. Empty when no namespace can match.
    /// </summary>
    internal IReadOnlyList<string>? NamespaceScopes { get; }

    /// <summary>True when the query restricts namespaces, which no cluster-scoped resource has.</summary>
    internal bool ClusterScopedExcluded { get; }

    /// <summary>The one name asked for, when there is one pattern and it has no wildcards.</summary>
    internal string? ExactName { get; }

    /// <summary>Checks and parses a request; throws a <see cref="KubeFleetException"/> saying what is wrong.</summary>
    public static SearchPlan Create(SearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        Require(request.ThrottleLimit >= 1, $"The throttle limit must be at least 1, not {request.ThrottleLimit}.");
        Require(request.PageSize >= 0, $"The page size must be 0 (no paging) or more, not {request.PageSize}.");
        Require(request.ClusterTimeout is null || request.ClusterTimeout > TimeSpan.Zero, $"The timeout must be positive, not {request.ClusterTimeout}.");
        Require(request.Skip >= 0, $"The number of results to skip cannot be negative ({request.Skip}).");
        Require(request.First is null or >= 0, $"The number of results to return cannot be negative ({request.First}).");
        Require(request.Kinds.All(kind => !string.IsNullOrWhiteSpace(kind)), "A resource type name is empty: name kinds as kubectl does, e.g. Pod, deploy or deployments.apps.");
        Require(request.Namespaces.All(pattern => !string.IsNullOrEmpty(pattern)), "A namespace pattern is empty: give a name or a wildcard pattern such as 'shop*'.");
        Require(request.Names.All(pattern => !string.IsNullOrEmpty(pattern)), "A name pattern is empty: give a name or a wildcard pattern such as 'web-*'.");
        var query = string.IsNullOrWhiteSpace(request.Query) ? null : SearchQuery.Parse(request.Query);
        return new SearchPlan(request, query);
    }

    private static void Require(bool condition, string problem)
    {
        if (!condition)
        {
            throw new KubeFleetException(SearchErrorIds.SearchRequestInvalid, ErrorKind.InvalidArgument, problem);
        }
    }

    private static List<string> KindNamesOf(SearchRequest request, QueryPushdown? pushdown)
    {
        if (request.Kinds.Count > 0)
        {
            return request.Kinds.Select(kind => kind.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        }

        return pushdown?.Kinds is { Count: > 0 } queried ? queried.Order(StringComparer.OrdinalIgnoreCase).ToList() : [DefaultCategory];
    }

    /// <summary>
    /// Namespaces can be listed one by one when every pattern is a plain name, or when the query
    /// names them (then the patterns still filter what arrives). Namespace names are DNS labels,
    /// always lower case, so a pattern's name is sent in lower case, as matching ignores case.
    /// </summary>
    private static List<string>? ScopesOf(IReadOnlyList<WildcardPattern> patterns, QueryPushdown? pushdown)
    {
        List<string>? scopes = patterns.Count > 0 && patterns.All(pattern => !pattern.HasWildcards)
            ? patterns.Select(pattern => pattern.Literal!.ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList()
            : null;
        if (pushdown?.Namespaces is { } queried)
        {
            scopes = scopes is null ? queried.Order(StringComparer.Ordinal).ToList() : scopes.Where(queried.Contains).ToList();
        }

        return scopes;
    }

    private static List<SearchTarget> ClustersOf(IReadOnlyList<SearchTarget> clusters, QueryPushdown? pushdown) =>
        clusters
            .DistinctBy(cluster => cluster.Name, StringComparer.OrdinalIgnoreCase)
            .Where(cluster => pushdown?.Clusters is not { } allowed || allowed.Contains(cluster.Name))
            .ToList();
}
