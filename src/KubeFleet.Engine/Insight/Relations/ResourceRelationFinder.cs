using System.Collections.Concurrent;
using KubeFleet.Engine.Connections;
using KubeFleet.Engine.Connections.Http;
using KubeFleet.Engine.Discovery;
using KubeFleet.Engine.Search;
using KubeFleet.Engine.Search.Lists;

namespace KubeFleet.Engine.Insight.Relations;

/// <summary>
/// Finds what is related to resources of one cluster by reading, from that cluster, the lists the
/// edge rules name. Each list is read once per finder however many resources need it (a hundred
/// pods of one namespace share one read of its Services), so keep one finder per cluster for a
/// whole command. Safe to use from several threads.
/// </summary>
public sealed class ResourceRelationFinder
{
    private const int PageSize = 500;

    private readonly ClusterConnection connection;
    private readonly ResourceCatalog catalog;
    private readonly CancellationToken stopping;
    private readonly ConcurrentDictionary<RelatedRead, Lazy<Task<ReadOutcome>>> reads = new();

    /// <param name="stopping">Stops every read of this finder: the command's token, since reads are shared between callers.</param>
    public ResourceRelationFinder(ClusterConnection connection, ResourceCatalog catalog, CancellationToken stopping)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(catalog);
        this.connection = connection;
        this.catalog = catalog;
        this.stopping = stopping;
    }

    /// <summary>
    /// The resources related to <paramref name="source"/> as the filter allows. A list the
    /// credential may not read becomes a warning (those relations are missing); any other failure
    /// to reach the cluster is thrown.
    /// </summary>
    /// <exception cref="Errors.KubeFleetException">The cluster could not be read.</exception>
    public async Task<ResourceRelations> FindAsync(ClusterResource source, RelationFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(filter);
        var wanted = RelationRules.ReadsFor(source, filter);
        var outcomes = await Task.WhenAll(wanted.Select(read => reads.GetOrAdd(read, Start).Value.WaitAsync(cancellationToken))).ConfigureAwait(false);
        var byRead = wanted.Zip(outcomes).ToDictionary(pair => pair.First, pair => pair.Second);
        var related = RelationRules.Relate(source, read => byRead[read].Resources, filter);
        var warnings = outcomes.Select(outcome => outcome.Warning).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        return new ResourceRelations(source, related, warnings);

        Lazy<Task<ReadOutcome>> Start(RelatedRead read) => new(() => ReadAsync(read, stopping));
    }

    private async Task<ReadOutcome> ReadAsync(RelatedRead read, CancellationToken cancellationToken)
    {
        var resource = catalog.PreferredResources.FirstOrDefault(served => served.Group == read.Group && served.Kind == read.Kind && served.CanList);
        if (resource is null)
            return ReadOutcome.Nothing;
        var request = new ListRequest(
            resource,
            read.Namespace,
            read.LabelSelector.IsEmpty ? null : read.LabelSelector.ToString(),
            read.FieldSelector.IsEmpty ? null : read.FieldSelector.ToString());
        var found = new List<ClusterResource>();
        try
        {
            await foreach (var item in new ListPager(connection, request, PageSize).ReadAllAsync(() => ValueTask.CompletedTask, cancellationToken).ConfigureAwait(false))
                found.Add(new ClusterResource(connection.ClusterName, resource, SecretRedaction.AppliesTo(resource) ? SecretRedaction.Redact(item) : item));
        }
        catch (ClusterApiException denied) when (denied.StatusCode == 403)
        {
            return new ReadOutcome([], $"Cluster '{connection.ClusterName}' does not let this credential list {request}, so relations through them are missing ({denied.Status.Message}).");
        }
        return new ReadOutcome(found, null);
    }

    private sealed record ReadOutcome(IReadOnlyList<ClusterResource> Resources, string? Warning)
    {
        public static readonly ReadOutcome Nothing = new([], null);
    }
}
