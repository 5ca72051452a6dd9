using System.Text.Json;
using KubeFleet.Engine.Connections;

namespace KubeFleet.Engine.Profile;

/// <summary>
/// One registered cluster: what a user calls it and groups it by, the facts found when it was
/// registered, and how to reach it. Reading those is free; reaching it means opening its sealed
/// access with the profile key (<see cref="GetAccess"/>).
/// </summary>
public sealed class ClusterRecord
{
    private ClusterAccess? plainAccess;
    private StoredAccess? storedAccess;

    /// <param name="name">The cluster's name in the profile: unique regardless of case, never changed.</param>
    /// <param name="server">The API server's URL.</param>
    /// <param name="registeredAt">When it was registered; <see cref="UpdatedAt"/> starts there too.</param>
    public ClusterRecord(string name, Uri server, DateTimeOffset registeredAt)
    {
        ArgumentNullException.ThrowIfNull(server);
        Name = ValidName(name);
        Server = ValidServer(server);
        RegisteredAt = registeredAt;
        UpdatedAt = registeredAt;
    }

    public string Name { get; }

    /// <summary>A friendlier name to show; null shows <see cref="Name"/>.</summary>
    public string? DisplayName { get; set; }

    public string? Description { get; set; }

    /// <summary>Free labels for grouping and selecting clusters; keys are case-sensitive, as in Kubernetes.</summary>
    public IDictionary<string, string> Labels { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The names of the workspaces this cluster belongs to.</summary>
    public IList<string> Workspaces { get; } = [];

    /// <summary>The API server's URL; follows the access when it is replaced.</summary>
    public Uri Server { get; private set; }

    /// <summary>The UID of the cluster's kube-system namespace: what tells one cluster from another.</summary>
    public string? ClusterUid { get; set; }

    /// <summary>
    /// The CA a shared workspace gave for this cluster when it was imported without a credential;
    /// the credential's own CA is the one trusted once it has one.
    /// </summary>
    public string? SharedCertificateAuthorityPem { get; set; }

    /// <summary>The Kubernetes version the server reported, e.g. v1.32.1.</summary>
    public string? ServerVersion { get; set; }

    /// <summary>The kubeconfig context the cluster was registered from.</summary>
    public string? ContextName { get; set; }

    /// <summary>The credential's kind (None, Token, ClientCertificate, Exec); null when there is no credential.</summary>
    public string? AuthKind { get; private set; }

    /// <summary>Who the credential authenticates as, as the server reported it.</summary>
    public string? UserName { get; set; }

    /// <summary>When the client certificate expires, for a certificate credential.</summary>
    public DateTimeOffset? CertificateNotAfter { get; set; }

    public ClusterPermissions? Permissions { get; set; }

    public DateTimeOffset RegisteredAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>
    /// Whether the profile holds a credential for this cluster. A cluster imported from a shared
    /// workspace has none until its user supplies one.
    /// </summary>
    public bool HasAccess => plainAccess is not null || storedAccess is not null;

    /// <summary>Properties a newer KubeFleet wrote, kept so that rewriting the profile does not drop them.</summary>
    internal List<KeyValuePair<string, JsonElement>> UnknownFields { get; init; } = [];

    /// <summary>How to reach the cluster, unsealed; null when the profile holds no credential for it.</summary>
    /// <exception cref="Errors.KubeFleetException">
    /// ProfileKeyMissing, ProfileKeyInvalid, ProfileKeyMismatch, ProfileSecretTampered, or ProfileCorrupt
    /// when the stored access is malformed.
    /// </exception>
    public ClusterAccess? GetAccess() => plainAccess ?? storedAccess?.Open(Name);

    /// <summary>
    /// Replaces the credential and its connection settings (null removes them); <see cref="Server"/>
    /// and <see cref="AuthKind"/> follow. The secrets are sealed when the profile is written.
    /// </summary>
    public void SetAccess(ClusterAccess? access)
    {
        plainAccess = access;
        storedAccess = null;
        AuthKind = access?.Credential.Kind;
        if (access is not null)
        {
            Server = ValidServer(access.Server);
        }
    }

    public override string ToString() => Name;

    /// <summary>The access as read from a profile, still sealed.</summary>
    internal void SetStoredAccess(StoredAccess access, string? authKind)
    {
        plainAccess = null;
        storedAccess = access;
        AuthKind = authKind;
    }

    /// <summary>The access to write: sealed as stored, or new and still to be sealed.</summary>
    internal (StoredAccess? Stored, ClusterAccess? Plain) AccessToWrite => (storedAccess, plainAccess);

    /// <summary>Why a name cannot be a cluster's name, or null when it can.</summary>
    internal static string? NameProblem(string name) =>
        string.IsNullOrWhiteSpace(name) ? "is empty"
        : name.Trim().Length != name.Length ? "begins or ends with white space"
        : name.Any(char.IsControl) ? "contains control characters"
        : null;

    // Kubeconfig reading turns a user's bad URL into a clear error; reaching here with one is a bug.
    private static Uri ValidServer(Uri server) =>
        server.IsAbsoluteUri && (server.Scheme == Uri.UriSchemeHttps || server.Scheme == Uri.UriSchemeHttp)
            ? server
            : throw new ArgumentException($"A cluster's server must be an absolute https:// or http:// URL, not '{server}'.", nameof(server));

    private static string ValidName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return NameProblem(name) is { } problem ? throw ProfileErrors.ClusterNameInvalid(name, problem) : name;
    }
}
