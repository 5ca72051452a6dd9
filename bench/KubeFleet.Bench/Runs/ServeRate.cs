using System.Buffers;
using System.Diagnostics;
using KubeFleet.Bench.Fleets;

namespace KubeFleet.Bench.Runs;

/// <summary>
/// How fast the stand-in serves list bodies over loopback: N clients each walk whole pod lists
/// (every page, following continue), cluster after cluster, for a set time. The clients read only
/// each page's head (for its continue token) and drop the rest unparsed, so nearly all the
/// machine's time goes to serving. Objects are counted from a calibration pass before timing.
/// </summary>
internal static class ServeRate
{
    private const int ReadSize = 64 * 1024;

    public static async Task<IReadOnlyList<ServeRateMeasurement>> RunAsync(FleetManifest fleet, ServeRateOptions options, CancellationToken cancellationToken)
    {
        var clients = fleet.Clusters.Select(cluster => new PlainClusterClient(cluster, options.Transport)).ToList();
        try
        {
            var objectsPerList = new long[clients.Count];
            for (var i = 0; i < clients.Count; i++)
            {
                objectsPerList[i] = await CountObjectsAsync(clients[i], options.PageSize, cancellationToken);
            }

            var measurements = new List<ServeRateMeasurement>();
            foreach (var clientCount in options.ClientCounts)
            {
                measurements.Add(await MeasureAsync(clients, objectsPerList, clientCount, options, cancellationToken));
            }

            return measurements;
        }
        finally
        {
            clients.ForEach(client => client.Dispose());
        }
    }

    private static async Task<ServeRateMeasurement> MeasureAsync(
        IReadOnlyList<PlainClusterClient> clusters, long[] objectsPerList, int clientCount, ServeRateOptions options, CancellationToken cancellationToken)
    {
        long bytes = 0, objects = 0;
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clientCount).Select(_ => Task.Run(
            async () =>
            {
                // A list in progress is finished after the time is up, so bytes and objects agree.
                while (clock.Elapsed < options.Duration)
                {
                    var index = (int)((uint)Interlocked.Increment(ref next) % (uint)clusters.Count);
                    Interlocked.Add(ref bytes, await DrainListAsync(clusters[index], options.PageSize, cancellationToken));
                    Interlocked.Add(ref objects, objectsPerList[index]);
                }
            },
            cancellationToken)));
        var seconds = clock.Elapsed.TotalSeconds;
        return new ServeRateMeasurement(
            clientCount,
            Math.Round(seconds, 2),
            bytes,
            objects,
            Math.Round(bytes / (1024.0 * 1024.0) / seconds, 1),
            Math.Round(objects / seconds));
    }

    /// <summary>Walks one list, reading each page's head for its continue token and dropping the rest; returns the bytes received.</summary>
    private static async Task<long> DrainListAsync(PlainClusterClient cluster, int pageSize, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(2 * ReadSize);
        try
        {
            long bytes = 0;
            string? continueToken = null;
            do
            {
                using var response = await cluster.GetAsync(PodListPath.For(pageSize, continueToken), cancellationToken);
                await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
                var head = 0;
                var headRead = false;
                while (true)
                {
                    var read = await body.ReadAsync(buffer.AsMemory(headRead ? 0 : head, ReadSize), cancellationToken);
                    if (read == 0)
                    {
                        break;
                    }

                    bytes += read;
                    if (!headRead)
                    {
                        head += read;
                        headRead = ListScan.TryReadHead(buffer.AsSpan(0, head), out continueToken);
                        if (!headRead && head >= ReadSize)
                        {
                            throw BenchErrors.Run($"Cluster '{cluster.Name}' sent a pod list whose first {ReadSize / 1024} KiB hold no items; it is not a typed list.", cluster.Name);
                        }
                    }
                }
            }
            while (continueToken is not null);

            return bytes;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static async Task<long> CountObjectsAsync(PlainClusterClient cluster, int pageSize, CancellationToken cancellationToken)
    {
        using var buffer = new BodyBuffer();
        long objects = 0;
        string? continueToken = null;
        do
        {
            using var response = await cluster.GetAsync(PodListPath.For(pageSize, continueToken), cancellationToken);
            await using var content = await response.Content.ReadAsStreamAsync(cancellationToken);
            var page = ListScan.Scan((await buffer.ReadAllAsync(content, cancellationToken)).Span);
            objects += page.Items;
            continueToken = page.Continue;
        }
        while (continueToken is not null);

        return objects;
    }
}

/// <summary>How to measure: client counts, time per count, page size, transport.</summary>
internal sealed record ServeRateOptions(IReadOnlyList<int> ClientCounts, TimeSpan Duration, int PageSize, HttpTransportChoice Transport);

/// <summary>One client count's rate: list bodies in MB/s and objects/s.</summary>
internal sealed record ServeRateMeasurement(int Clients, double Seconds, long Bytes, long Objects, double MegabytesPerSecond, double ObjectsPerSecond);
