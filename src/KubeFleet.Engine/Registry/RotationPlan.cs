namespace KubeFleet.Engine.Registry;

/// <summary>
/// A credential rotation checked as far as it can be without the network: the cluster is
/// registered and the new kubeconfig context resolves. <see cref="CredentialRotation.RotateAsync"/>
/// verifies and swaps it.
/// </summary>
public sealed class RotationPlan
{
    internal RotationPlan(string clusterName, PreparedAccess access, bool allowOtherCluster)
    {
        ClusterName = clusterName;
        Access = access;
        AllowOtherCluster = allowOtherCluster;
    }

    /// <summary>The registered cluster's name, as the profile spells it.</summary>
    public string ClusterName { get; }

    public string ContextName => Access.Context.ContextName;

    public Uri Server => Access.Access.Server;

    /// <summary>The program the new exec credential runs, as the user would type it; null for other credentials.</summary>
    public string? ExecCommand => Access.ExecCommand;

    public IReadOnlyList<string> Warnings => Access.Warnings;

    public IReadOnlyList<string> Details => Access.Details;

    /// <summary>What rotating will do, for a confirmation prompt: it names the program an exec plugin would run.</summary>
    public string Action =>
        $"Replace the credential with the one of context '{ContextName}' ({Access.Access.Credential.Kind}, server {Server})" +
        (ExecCommand is { } command ? $"; its exec plugin runs: {command}" : "");

    /// <summary>Whether the new credential may reach a cluster with another kube-system UID than the registered one.</summary>
    public bool AllowOtherCluster { get; }

    internal PreparedAccess Access { get; }
}
