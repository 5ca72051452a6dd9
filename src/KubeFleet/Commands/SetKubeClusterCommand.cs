using System.Collections;
using System.Management.Automation;
using KubeFleet.Completers;
using KubeFleet.Engine.Errors;
using KubeFleet.Engine.Registry;
using KubeFleet.Engine.Workspaces;

namespace KubeFleet.Commands;

/// <summary>
/// Set-KubeCluster: changes a cluster's display name, description, labels or workspaces. A
/// parameter left out keeps its value; one given empty clears it. The name never changes.
/// </summary>
[Cmdlet(VerbsCommon.Set, "KubeCluster", SupportsShouldProcess = true, DefaultParameterSetName = NameSet)]
[OutputType(typeof(KubeCluster))]
public sealed class SetKubeClusterCommand : KubeClusterCommand
{
    private const string NameSet = "Name";
    private const string InputObjectSet = "InputObject";

    [Parameter(Mandatory = true, Position = 0, ParameterSetName = NameSet, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(ClusterNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string[] Name { get; set; } = [];

    [Parameter(Mandatory = true, ParameterSetName = InputObjectSet, ValueFromPipeline = true)]
    [ValidateNotNull]
    public KubeCluster[] InputObject { get; set; } = [];

    [Parameter]
    [AllowEmptyString]
    [AllowNull]
    public string? DisplayName { get; set; }

    [Parameter]
    [AllowEmptyString]
    [AllowNull]
    public string? Description { get; set; }

    [Parameter]
    [AllowNull]
    public Hashtable? Label { get; set; }

    [Parameter]
    [AllowEmptyCollection]
    [ArgumentCompleter(typeof(WorkspaceNameCompleter))]
    public string[]? Workspace { get; set; }

    [Parameter]
    [ArgumentCompleter(typeof(WorkspaceNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string[]? AddWorkspace { get; set; }

    [Parameter]
    [ArgumentCompleter(typeof(WorkspaceNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string[]? RemoveWorkspace { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void Process()
    {
        var edit = new ClusterEdit
        {
            DisplayName = IsParameterBound(nameof(DisplayName)) ? DisplayName ?? "" : null,
            Description = IsParameterBound(nameof(Description)) ? Description ?? "" : null,
            Labels = IsParameterBound(nameof(Label)) ? ClusterLabels.Checked(LabelsFrom(Label)) : null,
            Workspaces = new WorkspaceMembership
            {
                Replace = IsParameterBound(nameof(Workspace)) ? Workspace ?? [] : null,
                Add = AddWorkspace ?? [],
                Remove = RemoveWorkspace ?? [],
            }.Checked(),
        };
        using var session = OpenSession();
        var filter = ParameterSetName == InputObjectSet ? ClusterFilter.Exactly(InputObject.Select(cluster => cluster.Name)) : ClusterFilter.Create(Name);
        var selection = session.Registry.Select(filter, RegistryErrorIds.SetNotFound);
        foreach (var missing in selection.Missing)
        {
            WriteError(missing);
        }

        foreach (var cluster in selection.Clusters)
        {
            if (!ShouldProcess(cluster.Name, edit.Describe()))
            {
                continue;
            }

            ClusterEditResult result;
            try
            {
                result = session.Registry.Edit(cluster.Name, edit);
            }
            catch (KubeFleetException removedMeanwhile) when (removedMeanwhile.ErrorId == RegistryErrorIds.SetNotFound)
            {
                WriteError(removedMeanwhile);
                continue;
            }

            WriteVerbose(result.Changes.Count == 0
                ? $"Cluster '{result.Cluster.Name}' already had those values; nothing was changed."
                : $"Cluster '{result.Cluster.Name}': {string.Join("; ", result.Changes)}.");
            if (IsSwitchPresent(nameof(PassThru)))
            {
                WriteObject(KubeCluster.From(result.Cluster));
            }
        }
    }
}
