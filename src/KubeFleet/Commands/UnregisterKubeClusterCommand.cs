using System.Management.Automation;
using KubeFleet.Completers;
using KubeFleet.Engine.Registry;

namespace KubeFleet.Commands;

/// <summary>
/// Unregister-KubeCluster: removes clusters and their sealed credentials from the profile. Each
/// cluster is confirmed on its own (-WhatIf and -Confirm, or -Confirm:$false in a runbook); the
/// confirmed ones are removed together, in one profile write, when the input ends.
/// </summary>
[Cmdlet(VerbsLifecycle.Unregister, "KubeCluster", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = NameSet)]
public sealed class UnregisterKubeClusterCommand : KubeClusterCommand
{
    private const string NameSet = "Name";
    private const string InputObjectSet = "InputObject";

    private readonly List<string> confirmed = [];
    private RegistrySession? session;

    [Parameter(Mandatory = true, Position = 0, ParameterSetName = NameSet, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(ClusterNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string[] Name { get; set; } = [];

    [Parameter(Mandatory = true, ParameterSetName = InputObjectSet, ValueFromPipeline = true)]
    [ValidateNotNull]
    public KubeCluster[] InputObject { get; set; } = [];

    protected override void Begin() => session = OpenSession();

    protected override void Process()
    {
        var filter = ParameterSetName == InputObjectSet ? ClusterFilter.Exactly(InputObject.Select(cluster => cluster.Name)) : ClusterFilter.Create(Name);
        var selection = session!.Registry.Select(filter, RegistryErrorIds.UnregisterNotFound);
        foreach (var missing in selection.Missing)
        {
            WriteError(missing);
        }

        foreach (var cluster in selection.Clusters)
        {
            if (!confirmed.Contains(cluster.Name, StringComparer.OrdinalIgnoreCase)
                && ShouldProcess(cluster.Name, $"Unregister the cluster at {cluster.Server} and delete its sealed credential"))
            {
                confirmed.Add(cluster.Name);
            }
        }
    }

    protected override void End()
    {
        foreach (var removed in session!.Registry.Unregister(confirmed))
        {
            WriteVerbose($"Unregistered cluster '{removed}' from the profile {session.Registry.ProfilePath}.");
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            session?.Dispose();
        }

        base.Dispose(disposing);
    }
}
