using KubeFleet.Engine.Registry.Verification;

namespace KubeFleet.Engine.Insight.Summary;

/// <summary>
/// One cluster as it is now. A figure the credential may not read (nodes, say, for a credential
/// confined to namespaces) is null, and <see cref="Warnings"/> says why.
/// </summary>
public sealed record ClusterSummary
{
    public required string Cluster { get; init; }

    public required KubernetesVersion Version { get; init; }

    /// <summary>The round trip of one small request (<c>GET /version</c>) over a warm connection.</summary>
    public required TimeSpan Latency { get; init; }

    public NodeTally? Nodes { get; init; }

    public int? Namespaces { get; init; }

    public PodTally? Pods { get; init; }

    /// <summary>Objects per kind, for the kinds counted that the cluster serves and the credential may list.</summary>
    public required IReadOnlyDictionary<string, long> ObjectCounts { get; init; }

    /// <summary>Every API group the cluster serves, in its preferred version (<c>apps/v1</c>), core first (<c>v1</c>).</summary>
    public required IReadOnlyList<string> ApiGroups { get; init; }

    /// <summary>The custom resource definitions installed (<c>certificates.cert-manager.io</c>); null when they could not be listed.</summary>
    public IReadOnlyList<string>? CustomResources { get; init; }

    /// <summary>When the API server's TLS certificate expires; null over plain HTTP, through a proxy, or when the handshake could not be read.</summary>
    public DateTimeOffset? ServerCertificateNotAfter { get; init; }

    /// <summary>When the client certificate the cluster is reached with expires; null for other credentials.</summary>
    public DateTimeOffset? ClientCertificateNotAfter { get; init; }

    /// <summary>What could not be read, and so is missing from the summary.</summary>
    public required IReadOnlyList<string> Warnings { get; init; }
}
