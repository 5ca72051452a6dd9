namespace KubeFleet.Engine.Registry.Verification;

/// <summary>
/// What a cluster's credential may do, as its access and rules reviews say. Null means the cluster
/// would not tell; <see cref="ReadOnlyBasis"/> says why a read-only verdict is what it is.
/// </summary>
public sealed record ClusterPermissions(bool? CanListAcrossNamespaces, bool? ReadOnly, string ReadOnlyBasis);
