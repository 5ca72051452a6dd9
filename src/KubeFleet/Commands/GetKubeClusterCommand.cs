using System.Collections;
using System.Management.Automation;
using KubeFleet.Completers;
using KubeFleet.Engine.Registry;

namespace KubeFleet.Commands;

/// <summary>Get-KubeCluster: the registered clusters, by name and label, read from the profile alone.</summary>
[Cmdlet(VerbsCommon.Get, "KubeCluster")]
[OutputType(typeof(KubeCluster))]
public sealed class GetKubeClusterCommand : KubeClusterCommand
{
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(ClusterNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string[]? Name { get; set; }

    [Parameter]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(WorkspaceNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string[]? Workspace { get; set; }

    [Parameter]
    [SupportsWildcards]
    public Hashtable? Label { get; set; }

    protected override void Process()
    {
        using var session = OpenSession();
        var selection = session.Registry.Select(ClusterFilter.Create(Name, LabelsFrom(Label), Workspace), RegistryErrorIds.GetNotFound);
        foreach (var missing in selection.Missing)
        {
            WriteError(missing);
        }

        foreach (var cluster in selection.Clusters)
        {
            WriteObject(KubeCluster.From(cluster));
        }
    }
}
