using KubeFleet.Engine.Errors;

namespace KubeFleet.Engine.Search;

/// <summary>What a running search reports, in the order it happens.</summary>
public abstract record SearchEvent;

/// <summary>A resource that matches.</summary>
public sealed record ResourceFound(ClusterResource Resource) : SearchEvent;

/// <summary>Matches one cluster sent together; <see cref="FleetSearch"/> hands them on one by one, as <see cref="ResourceFound"/>.</summary>
internal sealed record ResourcesFound(IReadOnlyList<ClusterResource> Resources) : SearchEvent;

/// <summary>
/// A cluster is done, whether it succeeded or not (for progress: every searched cluster reports
/// this exactly once, unless the search is stopped).
/// </summary>
/// <param name="Found">How many matching resources it gave.</param>
/// <param name="Failures">How many failures it reported.</param>
public sealed record ClusterSearched(string Cluster, long Found, int Failures) : SearchEvent;

/// <summary>
/// Something failed; the rest of the search goes on. The error's target is the cluster's name
/// for a cluster's failure, or the resource type name for a name that no cluster serves.
/// </summary>
public sealed record SearchFailed(KubeFleetException Error) : SearchEvent;

/// <summary>Something a user may want to know, not an error (verbose output): a kind a cluster does not serve, a fallback taken.</summary>
/// <param name="Cluster">The cluster it is about, or null for the whole search.</param>
public sealed record SearchNote(string? Cluster, string Message) : SearchEvent;
