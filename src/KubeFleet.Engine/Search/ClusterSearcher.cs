using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using KubeFleet.Engine.Connections;
using KubeFleet.Engine.Connections.Http;
using KubeFleet.Engine.Discovery;
using KubeFleet.Engine.Errors;
using KubeFleet.Engine.Search.Lists;

namespace KubeFleet.Engine.Search;

/// <summary>
/// Searches one cluster: reads (or reuses) its discovery, resolves the names asked for, and reads
/// the lists that can hold matches, a few at once, filtering what arrives.
/// </summary>
internal sealed class ClusterSearcher : IClusterSearcher
{
    /// <summary>
    /// Lists read at once on one cluster. Across clusters the throttle limit bounds the work; on one
    /// cluster a few lists in parallel hide round trips without crowding its API server.
    /// </summary>
    private const int ListsPerCluster = 4;

    /// <summary>
    /// The most matches sent in one batch: enough that clusters rarely meet on the channel's lock,
    /// few enough that little is in flight. Whatever is in flight when the GC runs is copied to an
    /// older generation; batches of 256 made every collection a large one (docs/benchmarks.md).
    /// </summary>
    private const int MaxBatch = 8;

    private readonly SearchPlan _plan;
    private readonly ClusterConnectionPool _connections;
    private readonly DiscoveryCache _discovery;
    private readonly DateTimeOffset _started;
    private readonly ResultFilter _filter;
    private readonly KindResolutions _kinds = new();
    private readonly ConcurrentDictionary<string, bool> _fieldSelectorNotes = new(StringComparer.Ordinal);

    public ClusterSearcher(SearchPlan plan, ClusterConnectionPool connections, DiscoveryCache discovery)
    {
        _plan = plan;
        _connections = connections;
        _discovery = discovery;
        _started = DateTimeOffset.UtcNow;
        _filter = new ResultFilter(plan);
    }

    public async Task SearchAsync(SearchTarget cluster, ClusterEvents events, CancellationToken cancellationToken)
    {
        var connection = _connections.Get(cluster.Name, cluster.Access);
        var resources = await ResolveAsync(connection, events, cancellationToken).ConfigureAwait(false);
        var lists = new List<(ListPlan Plan, ListRequest Request)>();
        foreach (var resource in resources)
        {
            if (!resource.CanList)
            {
                await events.NoteAsync($"Cluster '{cluster.Name}' serves {resource.QualifiedName} but does not list them; skipped.", cancellationToken).ConfigureAwait(false);
                continue;
            }

            var plan = ListPlan.For(_plan, resource);
            if (!plan.FieldSelectorOnServer && _fieldSelectorNotes.TryAdd(resource.QualifiedName, true))
            {
                await events.WriteAsync(
                    new SearchNote(null, $"The API server cannot select {resource.QualifiedName} by the field selector '{_plan.FieldSelector}', so it is evaluated on each object as it arrives."),
                    cancellationToken).ConfigureAwait(false);
            }

            lists.AddRange(plan.Requests.Select(request => (plan, request)));
        }

        await ReadListsAsync(connection, lists, events, cancellationToken).ConfigureAwait(false);
    }

    public IEnumerable<SearchEvent> Conclude() => _kinds.Conclude();

    /// <summary>
    /// The resources the asked-for names stand for on this cluster. A name the cached discovery
    /// does not know makes it read discovery again, once per search, in case the resource was
    /// installed since.
    /// </summary>
    private async Task<List<ApiResource>> ResolveAsync(ClusterConnection connection, ClusterEvents events, CancellationToken cancellationToken)
    {
        var catalog = await _discovery.GetAsync(connection, cancellationToken).ConfigureAwait(false);
        var resolved = Resolve(catalog);
        if (resolved.ContainsValue(null) && catalog.FetchedAt < _started)
        {
            catalog = await _discovery.RefreshAsync(connection, cancellationToken).ConfigureAwait(false);
            resolved = Resolve(catalog);
        }

        foreach (var unavailable in catalog.UnavailableGroupVersions)
        {
            await events.NoteAsync($"Cluster '{connection.ClusterName}' could not describe {unavailable}; its resources are not searched.", cancellationToken).ConfigureAwait(false);
        }

        var notes = _kinds.Record(
            connection.ClusterName,
            catalog,
            resolved.Where(entry => entry.Value is not null).Select(entry => entry.Key),
            resolved.Where(entry => entry.Value is null).Select(entry => entry.Key));
        foreach (var note in notes)
        {
            await events.WriteAsync(note, cancellationToken).ConfigureAwait(false);
        }

        return resolved.Values
            .SelectMany(resources => resources ?? [])
            .DistinctBy(resource => (resource.Group, resource.Resource))
            .ToList();
    }

    private Dictionary<string, IReadOnlyList<ApiResource>?> Resolve(ResourceCatalog catalog) =>
        _plan.KindNames.ToDictionary(
            name => name,
            name => catalog.TryResolve(name, out var resources) ? resources : null,
            StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Reads the lists a few at once. A list the server refuses (forbidden, throttled, failing) is
    /// reported and the others go on; a failure of the cluster itself (unreachable, credentials
    /// refused) stops them all and is thrown, once.
    /// </summary>
    private async Task ReadListsAsync(ClusterConnection connection, List<(ListPlan Plan, ListRequest Request)> lists, ClusterEvents events, CancellationToken cancellationToken)
    {
        using var stopLists = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        KubeFleetException? clusterFailure = null;
        var options = new ParallelOptions { MaxDegreeOfParallelism = ListsPerCluster, CancellationToken = stopLists.Token };
        try
        {
            await Parallel.ForEachAsync(lists, options, async (list, token) =>
            {
                try
                {
                    await ReadListAsync(connection, list.Plan, list.Request, events, token).ConfigureAwait(false);
                }
                catch (ClusterApiException gone) when (gone.StatusCode == 404)
                {
                    _discovery.Invalidate(connection.ClusterName);
                    await events.NoteAsync($"Cluster '{connection.ClusterName}' no longer serves {list.Request.Resource.QualifiedName}; its discovery will be read again.", token).ConfigureAwait(false);
                }
                catch (KubeFleetException failure) when (!StopsCluster(failure))
                {
                    await events.FailedAsync(failure, token).ConfigureAwait(false);
                }
                catch (KubeFleetException failure)
                {
                    Interlocked.CompareExchange(ref clusterFailure, failure, null);
                    await stopLists.CancelAsync().ConfigureAwait(false);
                }
            }).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (clusterFailure is not null)
        {
            // The lists were stopped because the cluster failed; that failure is what to report.
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (clusterFailure is not null)
        {
            ExceptionDispatchInfo.Throw(clusterFailure);
        }
    }

    private async Task ReadListAsync(ClusterConnection connection, ListPlan plan, ListRequest request, ClusterEvents events, CancellationToken cancellationToken)
    {
        var pager = new ListPager(connection, request, _plan.Request.PageSize);
        var redact = !_plan.Request.IncludeSecretData && SecretRedaction.AppliesTo(request.Resource);
        ValueTask ContinueExpired() => events.NoteAsync(
            $"The continue token for {request} on cluster '{connection.ClusterName}' expired; the rest was read from one full list, skipping what was already read.",
            cancellationToken);

        // Matches go out in batches: one channel write per item would have every cluster contend
        // for the channel's lock. A batch is sent as soon as the next item is not already decoded,
        // so nothing found waits on the network.
        var batch = new List<ClusterResource>(MaxBatch);
        await using var items = pager.ReadAllAsync(ContinueExpired, cancellationToken).GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                var next = items.MoveNextAsync();
                if (!next.IsCompleted && batch.Count > 0)
                {
                    try
                    {
                        batch = await events.FoundAsync(batch, cancellationToken).ConfigureAwait(false);
                    }
                    catch
                    {
                        // The read under way writes into the list's pooled buffer: it must end before
                        // the enumerator is disposed and the buffer goes back to the pool. It ends
                        // promptly, since what stopped the write (the search stopping) cancels it too.
                        await ((Task)next.AsTask()).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                        throw;
                    }
                }

                if (!await next.ConfigureAwait(false))
                {
                    break;
                }

                var resource = new ClusterResource(connection.ClusterName, request.Resource, redact ? SecretRedaction.Redact(items.Current) : items.Current);
                if (_filter.Matches(resource, plan))
                {
                    batch.Add(resource);
                    if (batch.Count == MaxBatch)
                    {
                        batch = await events.FoundAsync(batch, cancellationToken).ConfigureAwait(false);
                    }
                }
            }
        }
        catch (KubeFleetException) when (batch.Count > 0 && !cancellationToken.IsCancellationRequested)
        {
            // What arrived before the failure is kept, as for a cluster that fails between pages.
            await events.FoundAsync(batch, cancellationToken).ConfigureAwait(false);
            throw;
        }

        if (batch.Count > 0)
        {
            await events.FoundAsync(batch, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Failures of the cluster rather than of one list: it cannot be reached or does not accept
    /// the credential (after the connection's own retries and exec refresh), so every other list
    /// would fail the same way.
    /// </summary>
    private static bool StopsCluster(KubeFleetException failure) =>
        failure is ClusterApiException api ? api.StatusCode == 401 : failure.ErrorId != ConnectionErrorIds.ResponseInvalid;
}
