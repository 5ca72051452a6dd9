using KubeFleet.Engine.Profile;
using KubeFleet.Engine.Registry.Verification;

namespace KubeFleet;

/// <summary>
/// One cluster's health as Test-KubeCluster found it: a status, what the check learnt before any
/// failure (latency, version, identity, permissions, certificate expiry) and a message saying what
/// to do. Its Name binds by property name, so results can be piped on, to Unregister-KubeCluster
/// for instance.
/// </summary>
public sealed class KubeClusterTestResult
{
    private KubeClusterTestResult(ClusterRecord cluster, ClusterHealth health)
    {
        Name = cluster.Name;
        Server = cluster.Server.OriginalString;
        Status = Enum.Parse<KubeClusterStatus>(health.Status.ToString());
        Message = health.Message;
        Latency = health.Latency;
        Version = health.Version?.GitVersion;
        ClusterUid = health.ClusterUid;
        RegisteredClusterUid = cluster.ClusterUid;
        IdentityMatches = health.IdentityMatches;
        User = health.User;
        CanListAllNamespaces = health.Permissions?.CanListAcrossNamespaces;
        ReadOnly = health.Permissions?.ReadOnly;
        ReadOnlyBasis = health.Permissions?.ReadOnlyBasis;
        CertificateNotAfter = health.CertificateNotAfter;
        CertificateDaysLeft = health.CertificateDaysLeft;
        ErrorId = health.ErrorId;
    }

    public string Name { get; }

    public string Server { get; }

    public KubeClusterStatus Status { get; }

    /// <summary>What was found, and for a failure what to do about it.</summary>
    public string Message { get; }

    /// <summary>The round trip of one authenticated read; null when the cluster did not get that far.</summary>
    public TimeSpan? Latency { get; }

    public string? Version { get; }

    /// <summary>The kube-system UID the cluster answered with.</summary>
    public string? ClusterUid { get; }

    /// <summary>The kube-system UID recorded when the cluster was registered.</summary>
    public string? RegisteredClusterUid { get; }

    /// <summary>Whether the cluster is still the registered one; null when either UID is unknown.</summary>
    public bool? IdentityMatches { get; }

    /// <summary>Who the credential authenticates as.</summary>
    public string? User { get; }

    /// <summary>Whether the credential may list resources across all namespaces; null when the cluster would not say.</summary>
    public bool? CanListAllNamespaces { get; }

    /// <summary>Whether the credential may only read; null when the cluster would not say.</summary>
    public bool? ReadOnly { get; }

    /// <summary>Why <see cref="ReadOnly"/> is what it is: the first write found, or what kept the answer unknown.</summary>
    public string? ReadOnlyBasis { get; }

    public DateTimeOffset? CertificateNotAfter { get; }

    /// <summary>Whole days until the client certificate expires; negative once it has.</summary>
    public int? CertificateDaysLeft { get; }

    /// <summary>The failure's stable id (ClusterUnauthorized, ClusterTimeout...), when the check failed.</summary>
    public string? ErrorId { get; }

    public override string ToString() => $"{Name}: {Status}";

    internal static KubeClusterTestResult From(ClusterRecord cluster, ClusterHealth health) => new(cluster, health);
}
