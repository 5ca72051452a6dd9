using System.Management.Automation;
using KubeFleet.Completers;
using KubeFleet.Engine.Registry;
using KubeFleet.Engine.Workspaces;

namespace KubeFleet.Commands;

/// <summary>Get-KubeWorkspace: the workspaces of the profile's clusters, read from the profile alone.</summary>
[Cmdlet(VerbsCommon.Get, "KubeWorkspace")]
[OutputType(typeof(KubeWorkspace))]
public sealed class GetKubeWorkspaceCommand : KubeClusterCommand
{
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(WorkspaceNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string[]? Name { get; set; }

    protected override void Process()
    {
        var patterns = (Name ?? []).Select(name => Wildcard.Parse(name, "workspace name")).ToList();
        using var session = OpenSession();
        var workspaces = session.Registry.Workspaces();
        foreach (var missing in patterns.Where(pattern => pattern.Literal is { } literal && !workspaces.Any(workspace => pattern.Matches(workspace.Name))))
        {
            WriteError(WorkspaceErrors.NotFound(missing.Literal!, session.Registry.ProfilePath));
        }

        foreach (var workspace in workspaces.Where(workspace => patterns.Count == 0 || patterns.Any(pattern => pattern.Matches(workspace.Name))))
        {
            WriteObject(KubeWorkspace.From(workspace));
        }
    }
}
