using KubeFleet.Engine.Errors;

namespace KubeFleet.Engine.Registry.Verification;

/// <summary>One cluster's health check: a status, what was learnt before any failure, and a message saying what to do.</summary>
public sealed record ClusterHealth
{
    public required string ClusterName { get; init; }

    public required ClusterHealthStatus Status { get; init; }

    public required string Message { get; init; }

    public TimeSpan? Latency { get; init; }

    public KubernetesVersion? Version { get; init; }

    public string? ClusterUid { get; init; }

    /// <summary>Whether the cluster is still the registered one; null when either UID is unknown.</summary>
    public bool? IdentityMatches { get; init; }

    public string? User { get; init; }

    public ClusterPermissions? Permissions { get; init; }

    public DateTimeOffset? CertificateNotAfter { get; init; }

    /// <summary>Whole days until the client certificate expires; negative once it has.</summary>
    public int? CertificateDaysLeft { get; init; }

    /// <summary>The failure's stable id, when the check failed.</summary>
    public string? ErrorId { get; init; }

    public KubeFleetException? Error { get; init; }
}
