using System.Management.Automation;
using KubeFleet.Engine.Workspaces;

namespace KubeFleet.Commands;

/// <summary>
/// Import-KubeWorkspace: adds the clusters of a shared workspace file to the profile, without a
/// credential, each in the workspace. A cluster that clashes with one already registered is that
/// cluster's error, never merged silently; the others are imported.
/// </summary>
[Cmdlet(VerbsData.Import, "KubeWorkspace", SupportsShouldProcess = true)]
[OutputType(typeof(KubeCluster))]
public sealed class ImportKubeWorkspaceCommand : KubeClusterCommand
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("FullName")]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = "";

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void Process()
    {
        var path = ResolveFileSystemPath(Path);
        var shared = SharedWorkspace.Read(path);
        var accepted = shared.Clusters
            .Where(cluster => ShouldProcess(cluster.Name, $"Import the cluster at {cluster.Server} into the workspace '{shared.Name}', without a credential"))
            .Select(cluster => cluster.Name)
            .ToHashSet(StringComparer.Ordinal);
        if (accepted.Count == 0)
        {
            return;
        }

        using var session = OpenSession();
        var outcomes = new WorkspaceSharing(session.Registry).Import(shared, accepted);
        foreach (var outcome in outcomes)
        {
            switch (outcome.Result)
            {
                case ImportResult.Conflict:
                    WriteError(outcome.Error!);
                    continue;
                case ImportResult.Added:
                    WriteWarning($"Cluster '{outcome.ClusterName}' was imported without a credential: searches skip it until you give it yours with Update-KubeClusterCertificate -Name '{outcome.ClusterName}' -KubeConfigPath <your kubeconfig>.");
                    break;
                case ImportResult.Joined:
                    WriteVerbose($"Cluster '{outcome.ClusterName}' was registered already (same cluster UID); it is now in the workspace '{shared.Name}' too.");
                    break;
                case ImportResult.Unchanged:
                    WriteVerbose($"Cluster '{outcome.ClusterName}' was registered and in the workspace '{shared.Name}' already.");
                    break;
            }

            if (IsSwitchPresent(nameof(PassThru)))
            {
                WriteObject(KubeCluster.From(outcome.Cluster!));
            }
        }
    }
}
