using KubeFleet.StandIn.Security;

namespace KubeFleet.StandIn.Hosting.Kubeconfigs;

/// <summary>
/// One context of a kubeconfig: a cluster, a user of it, and how the credential is written. The
/// user is null exactly when the style is <see cref="CredentialStyle.None"/>.
/// </summary>
public sealed record KubeconfigEntry(StandInCluster Cluster, StandInUser? User, CredentialStyle Style)
{
    /// <summary>A context without credentials.</summary>
    public static KubeconfigEntry Anonymous(StandInCluster cluster) => new(cluster, null, CredentialStyle.None);

    /// <summary>The context's name; by default <c>user@cluster</c>, or the cluster's ARN for <see cref="CredentialStyle.Eks"/>.</summary>
    public string? ContextName { get; init; }

    /// <summary>The context's default namespace; none by default.</summary>
    public string? Namespace { get; init; }

    /// <summary>The cluster's <c>tls-server-name</c>: the name the serving certificate is checked against.</summary>
    public string? TlsServerName { get; init; }

    /// <summary>The AWS region in the EKS shape's ARN and <c>--region</c> argument.</summary>
    public string EksRegion { get; init; } = "eu-west-1";

    /// <summary>The account in the EKS shape's ARN (AWS's documentation account).</summary>
    public string EksAccount { get; init; } = "111122223333";

    internal string EksArn => $"arn:aws:eks:{EksRegion}:{EksAccount}:cluster/{Cluster.Name}";

    internal string EffectiveContextName => ContextName ?? (Style == CredentialStyle.Eks ? EksArn : $"{User?.Name ?? "anonymous"}@{Cluster.Name}");
}
