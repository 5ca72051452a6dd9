namespace KubeFleet.Engine.Search;

/// <summary>
/// Searches one cluster at a time for a fleet search. The fleet search runs many at once, bounds
/// them, times them out and stops them; a searcher only finds and reports.
/// </summary>
internal interface IClusterSearcher
{
    /// <summary>
    /// Searches one cluster, reporting results, notes and the failures that do not stop it. A
    /// failure that ends the cluster's search is thrown as a <see cref="Errors.KubeFleetException"/>.
    /// </summary>
    Task SearchAsync(SearchTarget cluster, ClusterEvents events, CancellationToken cancellationToken);

    /// <summary>What can only be said once every cluster is done (a name no cluster serves).</summary>
    IEnumerable<SearchEvent> Conclude();
}
