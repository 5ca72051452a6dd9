namespace KubeFleet.StandIn.Security;

/// <summary>How a stand-in user proves who they are.</summary>
public enum CredentialKind
{
    /// <summary>An x509 client certificate signed by the cluster's CA.</summary>
    ClientCertificate,

    /// <summary>A bearer token from the cluster's token table.</summary>
    Token,

    /// <summary>A token issued by the exec credential plugin, signed with the fleet's secret.</summary>
    Exec,
}

/// <summary>
/// A user of one stand-in cluster with the credential it is meant to use. Every user can also sign
/// in with an exec token that names it; <see cref="Credential"/> says which credential the
/// launcher's kubeconfig for this user uses.
/// </summary>
public sealed class StandInUser
{
    internal StandInUser(string name, string uid, IReadOnlyList<string> groups, CredentialKind credential, IssuedCertificate? clientCertificate, string? token)
    {
        Name = name;
        Uid = uid;
        Groups = groups;
        Credential = credential;
        ClientCertificate = clientCertificate;
        Token = token;
    }

    public string Name { get; }

    /// <summary>Empty for certificate users, as the x509 authenticator reports them.</summary>
    public string Uid { get; }

    /// <summary>The user's own groups; the server adds <c>system:authenticated</c>.</summary>
    public IReadOnlyList<string> Groups { get; }

    public CredentialKind Credential { get; }

    /// <summary>Set for <see cref="CredentialKind.ClientCertificate"/> users.</summary>
    public IssuedCertificate? ClientCertificate { get; }

    /// <summary>Set for <see cref="CredentialKind.Token"/> users: a token that never expires.</summary>
    public string? Token { get; }

    public override string ToString() => $"StandInUser {{ Name = {Name}, Credential = {Credential} }}";
}
