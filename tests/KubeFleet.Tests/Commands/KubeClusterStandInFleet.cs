using System.Text.Json.Nodes;
using KubeFleet.StandIn.ExecPlugin;
using KubeFleet.StandIn.Hosting;
using KubeFleet.StandIn.Hosting.Kubeconfigs;
using KubeFleet.StandIn.Security;

namespace KubeFleet.Tests.Commands;

/// <summary>
/// Three stand-in clusters shared by the cluster cmdlets' tests, which run one at a time (some
/// switch faults on, and switch them off again). Its exec plugin is installed with a record of
/// each run, and its folder is put first on PATH, where an EKS kubeconfig's 'aws' is looked up.
/// </summary>
public sealed class KubeClusterStandInFleet : IAsyncLifetime
{
    public const string ExtraServerName = "kubernetes.standin.test";

    private readonly string pluginFolder = Directory.CreateTempSubdirectory("kubefleet-plugin-").FullName;
    private string? previousPath;
    private StandInFleet? fleet;

    public StandInFleet Fleet => fleet ?? throw new InvalidOperationException("The fleet starts in InitializeAsync.");

    public StandInCluster One => Fleet["cluster-01"];

    public StandInCluster Two => Fleet["cluster-02"];

    public StandInCluster Three => Fleet["cluster-03"];

    public ExecPluginInstall Plugin { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        fleet = await StandInFleet.StartAsync(new FleetOptions
        {
            ClusterCount = 3,
            PodsPerCluster = 30,
            Cluster = index => new ClusterOptions { ExtraServerNames = [ExtraServerName] },
        });
        Plugin = fleet.InstallExecPlugin(pluginFolder, new ExecPluginOptions { RecordFile = Path.Combine(pluginFolder, "runs.jsonl") });

        // client-go, and so KubeFleet, looks a bare command up on the PATH of the process itself.
        previousPath = Environment.GetEnvironmentVariable("PATH");
        Environment.SetEnvironmentVariable("PATH", pluginFolder + Path.PathSeparator + previousPath);
    }

    public async Task DisposeAsync()
    {
        Environment.SetEnvironmentVariable("PATH", previousPath);
        if (fleet is not null)
        {
            await fleet.DisposeAsync();
        }

        Directory.Delete(pluginFolder, recursive: true);
    }

    /// <summary>A kubeconfig with one context for the user of the cluster, written into <paramref name="bed"/>'s folder.</summary>
    public string Kubeconfig(KubeClusterTestBed bed, StandInCluster cluster, StandInUser user, CredentialStyle style, string fileName = "cluster.kubeconfig") =>
        Kubeconfig(bed, new KubeconfigEntry(cluster, user, style), fileName);

    public string Kubeconfig(KubeClusterTestBed bed, KubeconfigEntry entry, string fileName = "cluster.kubeconfig") =>
        new KubeconfigBuilder(Plugin).Add(entry).WriteTo(Path.Combine(bed.Directory, fileName));

    /// <summary>A plugin of its own that fails every run, as a broken or misconfigured one does.</summary>
    public ExecPluginInstall FailingPlugin(KubeClusterTestBed bed) =>
        Fleet.InstallExecPlugin(Path.Combine(bed.Directory, "failing-plugin"), new ExecPluginOptions { FailWithExitCode = 3, Stderr = "no credentials configured" });

    /// <summary>The environment the plugin saw on its last run (secret-looking values as sha256: hashes).</summary>
    public JsonObject LastPluginEnvironment() =>
        JsonNode.Parse(File.ReadLines(Plugin.RecordFile!).Last())!["env"]!.AsObject();

    public Task ClearFaultsAsync() => Fleet.ClearFaultsAsync();
}

[CollectionDefinition(Name)]
public sealed class KubeClusterStandInCollection : ICollectionFixture<KubeClusterStandInFleet>
{
    public const string Name = "Cluster cmdlets against the stand-in";
}
