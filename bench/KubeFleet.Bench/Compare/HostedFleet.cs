using System.Diagnostics;
using KubeFleet.Bench.Fleets;
using KubeFleet.StandIn.Hosting;

namespace KubeFleet.Bench.Compare;

/// <summary>
/// A stand-in fleet the comparison hosts in its own process, with the files the launcher would
/// write, so the measured clients (child processes) find it exactly as they find a launcher's.
/// Hosting it here lets scenarios switch faults (latency, bandwidth, a hung cluster) between runs.
/// </summary>
internal sealed class HostedFleet : IAsyncDisposable
{
    private readonly ScratchFolder _folder;

    private HostedFleet(FleetShape shape, StandInFleet fleet, ScratchFolder folder, TimeSpan startup)
    {
        Shape = shape;
        Fleet = fleet;
        _folder = folder;
        Startup = startup;
        Manifest = FleetManifest.Read(folder.Path);
    }

    public FleetShape Shape { get; }

    public StandInFleet Fleet { get; }

    public FleetManifest Manifest { get; }

    /// <summary>What the clients pass as <c>--fleet</c>.</summary>
    public string Folder => _folder.Path;

    /// <summary>How long generating and starting the fleet took.</summary>
    public TimeSpan Startup { get; }

    public static async Task<HostedFleet> StartAsync(FleetShape shape, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var fleet = await StandInFleet.StartAsync(new FleetOptions { ClusterCount = shape.Clusters, PodsPerCluster = shape.PodsPerCluster }, cancellationToken);
        var folder = new ScratchFolder("fleet");
        try
        {
            fleet.WriteFiles(folder.Path);
            return new HostedFleet(shape, fleet, folder, clock.Elapsed);
        }
        catch
        {
            folder.Dispose();
            await fleet.DisposeAsync();
            throw;
        }
    }

    /// <summary>Applies a fault to every cluster (or the ones chosen), for the runs that follow.</summary>
    public void ForEachCluster(Action<StandInCluster> apply, Func<StandInCluster, bool>? which = null)
    {
        foreach (var cluster in Fleet.Clusters.Where(which ?? (_ => true)))
        {
            apply(cluster);
        }
    }

    /// <summary>Turns every fault off again.</summary>
    public async Task ClearFaultsAsync()
    {
        foreach (var cluster in Fleet.Clusters)
        {
            await cluster.Faults.ClearAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Fleet.DisposeAsync();
        _folder.Dispose();
    }
}
