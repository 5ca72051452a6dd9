using KubeFleet.StandIn.ExecPlugin;
using KubeFleet.StandIn.Hosting;

namespace KubeFleet.Engine.Tests.Connections;

/// <summary>
/// One stand-in fleet for every test that needs a cluster: cluster-01 stays healthy, cluster-02
/// takes the faults (each test clears them), and the stand-in's exec plugin with its <c>aws</c>
/// is installed and first on PATH, as EKS kubeconfigs expect.
/// </summary>
public sealed class StandInFleetFixture : IAsyncLifetime
{
    public const string ExtraServerName = "api.cluster-01.test";

    private readonly TempDirectory _folder = new();
    private string? _originalPath;

    public StandInFleet Fleet { get; private set; } = null!;

    public ExecPluginInstall ExecPlugin { get; private set; } = null!;

    public StandInCluster Healthy => Fleet["cluster-01"];

    /// <summary>The cluster tests inject faults into; they clear them when done.</summary>
    public StandInCluster Faulty => Fleet["cluster-02"];

    public async Task InitializeAsync()
    {
        Fleet = await StandInFleet.StartAsync(new FleetOptions
        {
            ClusterCount = 2,
            PodsPerCluster = 30,
            Cluster = index => new ClusterOptions { ExtraServerNames = index == 1 ? [ExtraServerName] : [] },
        });
        ExecPlugin = Fleet.InstallExecPlugin(_folder.File("plugin"), new ExecPluginOptions { RecordFile = _folder.File("runs.jsonl") });
        _originalPath = Environment.GetEnvironmentVariable("PATH");
        Environment.SetEnvironmentVariable("PATH", ExecPlugin.Folder + Path.PathSeparator + _originalPath);
    }

    /// <summary>Another copy of the plugin, behaving as asked, in a folder of its own.</summary>
    public ExecPluginInstall InstallExecPlugin(ExecPluginOptions options) =>
        Fleet.InstallExecPlugin(_folder.File($"plugin-{Guid.NewGuid():N}"), options);

    public string NewRecordFile() => _folder.File($"runs-{Guid.NewGuid():N}.jsonl");

    public async Task DisposeAsync()
    {
        Environment.SetEnvironmentVariable("PATH", _originalPath);
        await Fleet.DisposeAsync();
        _folder.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class StandInFleetCollection : ICollectionFixture<StandInFleetFixture>
{
    public const string Name = "Stand-in fleet";
}
