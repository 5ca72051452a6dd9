using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using KubeFleet.StandIn.Faults;
using Microsoft.AspNetCore.Http;

namespace KubeFleet.StandIn.Security;

/// <summary>
/// Who a request is, decided as kube-apiserver decides it: x509 client certificates and bearer
/// tokens (the token table, then exec tokens) in a union where any success wins; credentials that
/// were presented but are invalid fail the request (401) rather than fall back to anonymous; no
/// credentials at all is whoever the cluster says (anonymous, by default).
/// </summary>
public sealed class Authenticator
{
    /// <summary>The <c>extra</c> key the x509 authenticator sets to identify the certificate.</summary>
    public const string CredentialIdKey = "authentication.kubernetes.io/credential-id";

    private const string CommonNameOid = "2.5.4.3";
    private const string OrganizationOid = "2.5.4.10";

    private readonly string clusterName;
    private readonly CertificateAuthority authority;
    private readonly ClusterUsers users;
    private readonly ExecTokens execTokens;
    private readonly ClusterFaults faults;
    private readonly TimeProvider clock;
    private readonly UserInfo? unauthenticated;
    private readonly ConditionalWeakTable<X509Certificate2, CertificateUser> certificateUsers = new();

    /// <param name="unauthenticated">
    /// Who a request without credentials is: <see cref="UserInfo.Anonymous"/> where anonymous
    /// access is on, the proxy's user behind a <c>kubectl proxy</c>-like plain-HTTP endpoint, or
    /// null for 401.
    /// </param>
    public Authenticator(string clusterName, CertificateAuthority authority, ClusterUsers users, ExecTokens execTokens, ClusterFaults faults, TimeProvider clock, UserInfo? unauthenticated)
    {
        this.clusterName = clusterName;
        this.authority = authority;
        this.users = users;
        this.execTokens = execTokens;
        this.faults = faults;
        this.clock = clock;
        this.unauthenticated = unauthenticated;
    }

    /// <summary>The user, or null when the request must be answered 401 Unauthorized.</summary>
    public UserInfo? Authenticate(HttpContext context)
    {
        var certificate = context.Connection.ClientCertificate;
        if (ClientCertificateUser(certificate) is { } certificateUser)
        {
            return WithAuthenticatedGroup(certificateUser);
        }

        var token = BearerToken(context.Request.Headers.Authorization.ToString());
        if (token is not null && TokenUser(token) is { } tokenUser)
        {
            return WithAuthenticatedGroup(tokenUser);
        }

        // Credentials that were presented and failed are never downgraded to anonymous.
        if (IsCertificateCredential(certificate) || token is not null)
        {
            return null;
        }

        return unauthenticated;
    }

    /// <summary>client-go's bearer parsing: <c>Bearer &lt;token&gt;</c>, scheme case-insensitive; anything else is no token.</summary>
    private static string? BearerToken(string header)
    {
        var parts = header.Trim().Split(' ', 3);
        return parts.Length >= 2 && parts[0].Equals("bearer", StringComparison.OrdinalIgnoreCase) && parts[1].Length > 0 ? parts[1] : null;
    }

    private static UserInfo WithAuthenticatedGroup(UserInfo user) =>
        user.Groups.Contains(UserNames.Authenticated) ? user : user with { Groups = [.. user.Groups, UserNames.Authenticated] };

    // A certificate without a common name is not a credential at all, as in the x509 authenticator.
    private static bool IsCertificateCredential([NotNullWhen(true)] X509Certificate2? certificate) =>
        certificate is not null && certificate.GetNameInfo(X509NameType.SimpleName, false).Length > 0;

    private UserInfo? ClientCertificateUser(X509Certificate2? certificate)
    {
        if (!IsCertificateCredential(certificate))
        {
            return null;
        }

        var now = clock.GetUtcNow();
        if (now < certificate.NotBefore || now > certificate.NotAfter)
        {
            return null;
        }

        // Kestrel hands every request of a connection the same certificate object, so the chain is
        // built and the subject read once per connection; validity is time-dependent and checked above.
        return certificateUsers.GetValue(certificate, c => new CertificateUser(authority.VerifiesClientCertificate(c, now) ? ReadSubject(c) : null)).User;
    }

    private static UserInfo ReadSubject(X509Certificate2 certificate)
    {
        var commonName = "";
        var groups = new List<string>();
        foreach (var name in certificate.SubjectName.EnumerateRelativeDistinguishedNames())
        {
            var oid = name.GetSingleElementType().Value;
            if (oid == CommonNameOid)
            {
                commonName = name.GetSingleElementValue() ?? "";
            }
            else if (oid == OrganizationOid)
            {
                groups.Add(name.GetSingleElementValue() ?? "");
            }
        }

        var fingerprint = Convert.ToHexString(SHA256.HashData(certificate.RawData)).ToLowerInvariant();
        return new UserInfo(commonName, "", groups)
        {
            Extra = new Dictionary<string, IReadOnlyList<string>> { [CredentialIdKey] = ["X509SHA256=" + fingerprint] },
        };
    }

    private UserInfo? TokenUser(string token)
    {
        var now = clock.GetUtcNow();
        if (users.FindToken(token) is { } grant)
        {
            return (grant.ExpiresAt is null || now < grant.ExpiresAt) && !Revoked(grant.IssuedAt, now)
                ? new UserInfo(grant.User.Name, grant.User.Uid, grant.User.Groups)
                : null;
        }

        if (execTokens.TryRead(token, out var claims)
            && (claims.Cluster is null || claims.Cluster == clusterName)
            && now < claims.ExpiresAt
            && !Revoked(claims.IssuedAt, now)
            && users.Find(claims.User) is { } user)
        {
            return new UserInfo(user.Name, user.Uid, user.Groups);
        }

        return null;
    }

    private bool Revoked(DateTimeOffset issuedAt, DateTimeOffset now) =>
        faults.TokensRevokedAt is { } revokedAt && now >= revokedAt && issuedAt < revokedAt;

    /// <summary>The user a certificate names, or null when it does not chain to the cluster's CA.</summary>
    private sealed record CertificateUser(UserInfo? User);
}
