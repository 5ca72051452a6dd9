namespace KubeFleet.Engine.Profile;

/// <summary>What the registered credential was found allowed to do when it was last verified.</summary>
/// <param name="CanListAllNamespaces">It may list resources across all namespaces (not only some).</param>
/// <param name="ReadOnly">It may read but not create, change or delete anything.</param>
public sealed record ClusterPermissions(bool CanListAllNamespaces, bool ReadOnly);
