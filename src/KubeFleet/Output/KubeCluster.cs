using System.Collections.ObjectModel;
using KubeFleet.Engine.Profile;

namespace KubeFleet;

/// <summary>
/// A registered cluster as Get-KubeCluster shows it: what it is called and how it is grouped, the
/// facts found when it was verified, and when it was registered. It never holds a credential:
/// those stay sealed in the profile. Its Name binds by property name to the -Name (and -Cluster)
/// parameters of the other cmdlets, so it can be piped into them.
/// </summary>
public sealed class KubeCluster
{
    private KubeCluster(ClusterRecord cluster)
    {
        Name = cluster.Name;
        DisplayName = cluster.DisplayName ?? cluster.Name;
        Description = cluster.Description;
        Server = cluster.Server.OriginalString;
        ClusterUid = cluster.ClusterUid;
        Version = cluster.ServerVersion;
        AuthKind = cluster.HasAccess ? cluster.AuthKind ?? "None" : "NoCredential";
        User = cluster.UserName;
        Labels = new ReadOnlyDictionary<string, string>(new SortedDictionary<string, string>(cluster.Labels, StringComparer.Ordinal));
        Workspaces = cluster.Workspaces.Order(StringComparer.OrdinalIgnoreCase).ToList();
        ContextName = cluster.ContextName;
        CertificateNotAfter = cluster.CertificateNotAfter;
        HasCredential = cluster.HasAccess;
        RegisteredAt = cluster.RegisteredAt;
        UpdatedAt = cluster.UpdatedAt;
    }

    /// <summary>The cluster's name in the profile: unique regardless of case, never changed.</summary>
    public string Name { get; }

    /// <summary>The name to show; the cluster's name when no display name is set.</summary>
    public string DisplayName { get; }

    public string? Description { get; }

    /// <summary>The API server's URL.</summary>
    public string Server { get; }

    /// <summary>The UID of the cluster's kube-system namespace; null when it was registered without verification.</summary>
    public string? ClusterUid { get; }

    /// <summary>The Kubernetes version the server reported when last verified, such as v1.32.1.</summary>
    public string? Version { get; }

    /// <summary>
    /// The credential's kind: Token, ClientCertificate, Exec or None (anonymous); NoCredential for a
    /// cluster imported from a shared workspace until Update-KubeClusterCertificate gives it one.
    /// </summary>
    public string AuthKind { get; }

    /// <summary>Who the credential authenticates as, as the cluster reported it.</summary>
    public string? User { get; }

    public IReadOnlyDictionary<string, string> Labels { get; }

    /// <summary>The workspaces it is in (Set-KubeCluster -Workspace, -AddWorkspace, -RemoveWorkspace).</summary>
    public IReadOnlyList<string> Workspaces { get; }

    /// <summary>The kubeconfig context the credential came from.</summary>
    public string? ContextName { get; }

    /// <summary>When the client certificate expires, for a certificate credential.</summary>
    public DateTimeOffset? CertificateNotAfter { get; }

    /// <summary>False for a cluster whose credential this profile does not hold (yet).</summary>
    public bool HasCredential { get; }

    public DateTimeOffset RegisteredAt { get; }

    public DateTimeOffset UpdatedAt { get; }

    public override string ToString() => Name;

    internal static KubeCluster From(ClusterRecord cluster) => new(cluster);
}
