namespace KubeFleet.Engine.Workspaces;

/// <summary>
/// One cluster's registration as a shared workspace carries it: how to find and trust the cluster
/// and how it is described, never how to sign in to it.
/// </summary>
public sealed record SharedCluster
{
    public required string Name { get; init; }

    public string? DisplayName { get; init; }

    public string? Description { get; init; }

    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    public required Uri Server { get; init; }

    /// <summary>The PEM of the CA that signs the API server's certificate, when the registration had one.</summary>
    public string? CertificateAuthorityPem { get; init; }

    /// <summary>The kube-system namespace UID: the credential its importer supplies must reach this cluster.</summary>
    public string? ClusterUid { get; init; }

    public string? ServerVersion { get; init; }
}
