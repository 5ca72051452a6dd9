using System.Management.Automation;
using KubeFleet.Completers;
using KubeFleet.Engine.Workspaces;

namespace KubeFleet.Commands;

/// <summary>
/// Export-KubeWorkspace: writes a workspace's cluster registrations to a file a colleague can
/// import: names, descriptions, labels, servers, CAs and cluster UIDs, and no credential at all.
/// </summary>
[Cmdlet(VerbsData.Export, "KubeWorkspace", SupportsShouldProcess = true)]
[OutputType(typeof(FileInfo))]
public sealed class ExportKubeWorkspaceCommand : KubeClusterCommand
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(WorkspaceNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string Name { get; set; } = "";

    [Parameter(Mandatory = true, Position = 1)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = "";

    [Parameter]
    public SwitchParameter Force { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void Process()
    {
        var path = ResolveFileSystemPath(Path);
        using var session = OpenSession();
        var shared = new WorkspaceSharing(session.Registry).Share(Name);
        if (!ShouldProcess(path, $"Export the workspace '{shared.Name}' ({shared.Clusters.Count} cluster(s), without credentials)"))
        {
            return;
        }

        WorkspaceSharing.Write(shared, path, IsSwitchPresent(nameof(Force)));
        WriteVerbose($"Exported the workspace '{shared.Name}' to {path}: {string.Join(", ", shared.Clusters.Select(cluster => cluster.Name))}. It holds no credential; each person who imports it gives their own with Update-KubeClusterCertificate.");
        if (IsSwitchPresent(nameof(PassThru)))
        {
            WriteObject(new FileInfo(path));
        }
    }
}
