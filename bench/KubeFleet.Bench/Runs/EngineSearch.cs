using System.Diagnostics;
using KubeFleet.Bench.Fleets;
using KubeFleet.Bench.Measuring;
using KubeFleet.Engine.Connections;
using KubeFleet.Engine.Discovery;
using KubeFleet.Engine.Search;

namespace KubeFleet.Bench.Runs;

/// <summary>
/// KubeFleet's search, through the classes Search-KubeResource calls: the clusters read from the
/// profile and unsealed, a checked <see cref="SearchPlan"/>, and a <see cref="FleetSearch"/> over
/// a connection pool and discovery cache of its own (a session's first search), its results
/// delivered to a consumer that only counts them.
/// </summary>
internal static class EngineSearch
{
    /// <summary>
    /// Whole searches before the measured one in a warm session: by then the per-object code runs
    /// fully optimized; code that runs once per cluster is still being promoted for a few more.
    /// </summary>
    private const int SessionWarmupSearches = 3;

    /// <summary>Time for the tiered JIT's background thread to finish what the warm-up searches queued.</summary>
    private static readonly TimeSpan TieringPause = TimeSpan.FromSeconds(2);

    public static async Task<RunMeasurement> RunAsync(RegisteredFleet fleet, EngineSearchOptions options, TextWriter diagnostics, CancellationToken cancellationToken)
    {
        switch (options.Warmup)
        {
            case SearchWarmup.OneCluster:
                // The first search of a process pays for JIT compilation; a session pays it once, so the
                // measured search comes after one over a single cluster, with nothing else shared.
                var first = fleet.Targets(options.Clusters).Take(1).Select(target => target.Name).ToList();
                await SearchAsync(fleet, options, first, TextWriter.Null, cancellationToken);
                break;
            case SearchWarmup.Session:
                for (var search = 0; search < SessionWarmupSearches; search++)
                {
                    await SearchAsync(fleet, options, options.Clusters, TextWriter.Null, cancellationToken);
                }

                await Task.Delay(TieringPause, cancellationToken);
                break;
        }

        GC.Collect();
        OwnPeakMemory.TryReset();
        return await SearchAsync(fleet, options, options.Clusters, diagnostics, cancellationToken);
    }

    private static async Task<RunMeasurement> SearchAsync(RegisteredFleet fleet, EngineSearchOptions options, IReadOnlyCollection<string> clusters, TextWriter diagnostics, CancellationToken cancellationToken)
    {
        var cpu = OwnCpu.Used();
        var clock = Stopwatch.StartNew();
        var targets = fleet.Targets(clusters);
        var plan = SearchPlan.Create(options.Request with { Clusters = targets });
        using var connections = new ClusterConnectionPool(options.Connections);
        var search = new FleetSearch(connections, new DiscoveryCache());
        long results = 0;
        var errors = 0;
        TimeSpan? firstResult = null;
        await foreach (var searchEvent in search.RunAsync(plan, cancellationToken))
        {
            switch (searchEvent)
            {
                case ResourceFound:
                    firstResult ??= clock.Elapsed;
                    results++;
                    break;
                case SearchFailed failed:
                    errors++;
                    await diagnostics.WriteLineAsync($"{failed.Error.ErrorId}: {failed.Error.Message}");
                    break;
            }
        }

        var total = clock.Elapsed;
        return new RunMeasurement(
            results,
            plan.Clusters.Count,
            errors,
            firstResult is { } first ? RunMeasurement.Milliseconds(first) : null,
            RunMeasurement.Milliseconds(total),
            OwnPeakMemory.PeakMegabytes(),
            CpuMs: RunMeasurement.Milliseconds(OwnCpu.Used() - cpu));
    }
}

/// <summary>
/// A search as the command line asks for it: the request (its clusters are filled in from the
/// profile), the clusters by name (all when empty), what comes before the measured search, and
/// how connections are made.
/// </summary>
internal sealed record EngineSearchOptions(SearchRequest Request, IReadOnlyCollection<string> Clusters, SearchWarmup Warmup, ClusterConnectionOptions Connections);

/// <summary>What runs in the process before the measured search.</summary>
internal enum SearchWarmup
{
    /// <summary>Nothing: the search pays for every method's first compilation.</summary>
    None,

    /// <summary>A search of one cluster: a session's first search over many clusters.</summary>
    OneCluster,

    /// <summary>Whole searches and a pause: the code as a session's later searches find it.</summary>
    Session,
}
