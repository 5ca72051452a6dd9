using KubeFleet.StandIn.ExecPlugin;
using KubeFleet.StandIn.Hosting;

namespace KubeFleet.Engine.Tests.Search.Fleet;

/// <summary>A small fleet whose clusters the fault tests break, one test at a time, and an exec plugin for it.</summary>
public sealed class FaultFleetFixture : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "kf-search-faults-" + Guid.NewGuid().ToString("N"));

    public StandInFleet Fleet { get; private set; } = null!;

    public ExecPluginInstall ExecPlugin { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Fleet = await StandInFleet.StartAsync(new FleetOptions { ClusterCount = 3, PodsPerCluster = 60, Seed = 5 });
        ExecPlugin = Fleet.InstallExecPlugin(_folder, new ExecPluginOptions { RecordFile = Path.Combine(_folder, "runs.jsonl") });
    }

    /// <summary>How many times the exec plugin has run so far.</summary>
    public int ExecPluginRuns => File.Exists(ExecPlugin.RecordFile) ? File.ReadAllLines(ExecPlugin.RecordFile).Length : 0;

    /// <summary>Turns every fault off again.</summary>
    public Task ClearFaultsAsync() => Fleet.ClearFaultsAsync();

    public async Task DisposeAsync()
    {
        await Fleet.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}
