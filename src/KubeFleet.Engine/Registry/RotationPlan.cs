namespace KubeFleet.Engine.Registry;

/// <summary>
/// A credential rotation checked as far as it can be without the network: the cluster is
/// registered and the new kubeconfig context resolves. <see cref="CredentialRotation.RotateAsync"/>
/// verifies and swaps it.
/// </summary>
public sealed class RotationPlan : AccessPlan
{
    internal RotationPlan(string clusterName, PreparedAccess access, bool allowOtherCluster)
        : base(access)
    {
        ClusterName = clusterName;
        AllowOtherCluster = allowOtherCluster;
    }

    /// <summary>The registered cluster's name, as the profile spells it.</summary>
    public string ClusterName { get; }

    public override string Action =>
        $"Replace the credential with the one of context '{ContextName}' ({Access.Access.Credential.Kind}, server {Server})" + ExecClause;

    /// <summary>Whether the new credential may reach a cluster with another kube-system UID than the registered one.</summary>
    public bool AllowOtherCluster { get; }
}
