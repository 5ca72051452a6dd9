using KubeFleet.Engine.Errors;
using KubeFleet.Engine.Profile;

namespace KubeFleet.Engine.Registry;

/// <summary>
/// The clusters a filter selected, ordered by name, and one error for each exact name (no
/// wildcard) that names no registered cluster.
/// </summary>
public sealed record ClusterSelection(IReadOnlyList<ClusterRecord> Clusters, IReadOnlyList<KubeFleetException> Missing);
