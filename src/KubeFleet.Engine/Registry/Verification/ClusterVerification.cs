namespace KubeFleet.Engine.Registry.Verification;

/// <summary>A cluster that answered every verification step: who it is, what it runs, what the credential may do.</summary>
public sealed record ClusterVerification
{
    public required string ClusterName { get; init; }

    public required Uri Server { get; init; }

    /// <summary>The UID of the kube-system namespace: the cluster's identity.</summary>
    public required string ClusterUid { get; init; }

    public required KubernetesVersion Version { get; init; }

    /// <summary>The round trip of the authenticated kube-system read, on an open connection.</summary>
    public required TimeSpan Latency { get; init; }

    /// <summary>None, Token, ClientCertificate or Exec.</summary>
    public required string AuthKind { get; init; }

    /// <summary>The program an exec credential runs, as its kubeconfig names it.</summary>
    public string? ExecCommand { get; init; }

    /// <summary>Who the cluster says the credential is, when it says (SelfSubjectReview), else the certificate's CN.</summary>
    public string? User { get; init; }

    public IReadOnlyList<string> Groups { get; init; } = [];

    public required ClusterPermissions Permissions { get; init; }

    public DateTimeOffset? ClientCertificateNotAfter { get; init; }
}
