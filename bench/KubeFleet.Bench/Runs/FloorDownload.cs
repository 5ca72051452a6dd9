using System.Diagnostics;
using KubeFleet.Bench.Fleets;
using KubeFleet.Bench.Measuring;

namespace KubeFleet.Bench.Runs;

/// <summary>
/// The floor: each cluster's pod list downloaded page by page with a plain HttpClient, and each
/// page read once with a <see cref="System.Text.Json.Utf8JsonReader"/>, clusters at once up to the
/// same throttle as the search. No discovery, no objects, no filters: what no client can beat.
/// </summary>
internal static class FloorDownload
{
    public static async Task<RunMeasurement> RunAsync(FleetManifest fleet, FloorOptions options, CancellationToken cancellationToken)
    {
        var clients = fleet.Clusters.Select(cluster => new PlainClusterClient(cluster, options.Transport)).ToList();
        try
        {
            if (options.Warmup)
            {
                await DownloadAsync(clients.Take(1).ToList(), options, new FloorTally(Stopwatch.StartNew()), cancellationToken);
                GC.Collect();
                OwnPeakMemory.TryReset();
            }

            var cpu = OwnCpu.Used();
            var tally = new FloorTally(Stopwatch.StartNew());
            await DownloadAsync(clients, options, tally, cancellationToken);
            return new RunMeasurement(
                tally.Items,
                clients.Count,
                Errors: 0,
                tally.FirstItemMs,
                RunMeasurement.Milliseconds(tally.Clock.Elapsed),
                OwnPeakMemory.PeakMegabytes(),
                tally.Bytes,
                RunMeasurement.Milliseconds(OwnCpu.Used() - cpu));
        }
        finally
        {
            clients.ForEach(client => client.Dispose());
        }
    }

    private static Task DownloadAsync(IReadOnlyList<PlainClusterClient> clients, FloorOptions options, FloorTally tally, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(
            clients,
            new ParallelOptions { MaxDegreeOfParallelism = options.Throttle, CancellationToken = cancellationToken },
            async (client, token) =>
            {
                using var buffer = new BodyBuffer();
                string? continueToken = null;
                do
                {
                    using var response = await client.GetAsync(PodListPath.For(options.PageSize, continueToken, options.LabelSelector), token);
                    await using var content = await response.Content.ReadAsStreamAsync(token);
                    var body = await buffer.ReadAllAsync(content, token);
                    var page = ListScan.Scan(body.Span);
                    tally.Add(page.Items, body.Length);
                    continueToken = page.Continue;
                }
                while (continueToken is not null);
            });

    /// <summary>What every cluster's download adds up to, from many threads.</summary>
    private sealed class FloorTally(Stopwatch clock)
    {
        private long _items;
        private long _bytes;
        private long _firstItemTicks = -1;

        public Stopwatch Clock => clock;

        public long Items => Interlocked.Read(ref _items);

        public long Bytes => Interlocked.Read(ref _bytes);

        public double? FirstItemMs => Interlocked.Read(ref _firstItemTicks) is >= 0 and var ticks ? RunMeasurement.Milliseconds(TimeSpan.FromTicks(ticks)) : null;

        public void Add(int items, int bytes)
        {
            if (items > 0)
            {
                Interlocked.CompareExchange(ref _firstItemTicks, clock.Elapsed.Ticks, -1);
            }

            Interlocked.Add(ref _items, items);
            Interlocked.Add(ref _bytes, bytes);
        }
    }
}

/// <summary>How the floor downloads: the page size and throttle the search uses, a label selector, and the transport.</summary>
internal sealed record FloorOptions(int PageSize, int Throttle, string? LabelSelector, HttpTransportChoice Transport, bool Warmup);
