using KubeFleet.Engine.Registry;

namespace KubeFleet.Commands;

/// <summary>
/// Cluster names as they arrive through the pipeline, one object at a time, for a command that
/// works on all of them together at the end. A process block without names means every cluster.
/// </summary>
internal sealed class PipedClusterNames
{
    private readonly List<string> names = [];

    /// <summary>True when some process block had no names: the command is about every cluster.</summary>
    public bool EveryCluster { get; private set; }

    public void Add(string[]? piped)
    {
        if (piped is null)
        {
            EveryCluster = true;
        }
        else
        {
            names.AddRange(piped);
        }
    }

    /// <exception cref="Engine.Errors.KubeFleetException">KubeClusterWildcardInvalid.</exception>
    public ClusterFilter Filter(string[]? workspaces) => ClusterFilter.Create(EveryCluster ? null : names, workspaces: workspaces);
}
