using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using KubeFleet.Engine.Errors;

namespace KubeFleet.Engine.Connections.Tls;

/// <summary>
/// Decides whether a cluster's server certificate is trusted, as client-go does: exactly the
/// configured CA when there is one (the system roots otherwise), the tls-server-name (or the
/// server's host) as the name, subject alternative names only. A rejection is thrown from the
/// handshake as a classified <see cref="KubeFleetException"/>, which is the only way its reason
/// reaches the request that was waiting for the connection.
/// </summary>
internal sealed class ServerCertificateValidator
{
    private static readonly Oid ServerAuthentication = new("1.3.6.1.5.5.7.3.1");

    private readonly string _clusterName;
    private readonly ClusterAccess _access;
    private readonly X509Certificate2Collection? _trustedRoots;
    private readonly Action<ClusterWarning>? _onWarning;

    public ServerCertificateValidator(string clusterName, ClusterAccess access, X509Certificate2Collection? trustedRoots, Action<ClusterWarning>? onWarning)
    {
        _clusterName = clusterName;
        _access = access;
        _trustedRoots = trustedRoots;
        _onWarning = onWarning;
    }

    /// <summary>
    /// The policy the TLS handshake builds the server's chain with before <see cref="Validate"/>
    /// sees it: the registered CA alone, when there is one. Without it the platform builds that
    /// chain against every system root, which it loads and sorts anew for each handshake.
    /// <see cref="Validate"/> still builds the chain itself, since it cannot know how the chain it
    /// is handed was built; against one CA that is cheap.
    /// </summary>
    public X509ChainPolicy? HandshakeChainPolicy() => _trustedRoots is null ? null : RegisteredCaPolicy(_trustedRoots);

    /// <summary>The name the certificate must carry: tls-server-name, else the server's host.</summary>
    public string ExpectedName => _access.TlsServerName ?? _access.Server.IdnHost.Trim('[', ']');

    public bool Validate(object sender, X509Certificate? certificate, X509Chain? presentedChain, SslPolicyErrors platformErrors)
    {
        if (_access.InsecureSkipTlsVerify)
        {
            _onWarning?.Invoke(new ClusterWarning(
                _clusterName,
                $"The TLS certificate of cluster '{_clusterName}' ({_access.Server.Authority}) was not verified (insecure-skip-tls-verify): anyone on the network path can read and change this traffic. Register the cluster's CA instead."));
            return true;
        }

        if (certificate is null)
        {
            throw Reject(ConnectionErrorIds.TlsFailed, $"The server of cluster '{_clusterName}' ({_access.Server.Authority}) presented no TLS certificate. Check that the address is the cluster's API server.");
        }

        using var presented = new X509Certificate2(certificate);
        EnsureTrusted(presented, presentedChain, platformErrors);
        EnsureNameMatches(presented);
        return true;
    }

    private void EnsureTrusted(X509Certificate2 presented, X509Chain? presentedChain, SslPolicyErrors platformErrors)
    {
        if (_trustedRoots is null)
        {
            if ((platformErrors & SslPolicyErrors.RemoteCertificateChainErrors) != 0)
            {
                ThrowForChain(presented, presentedChain?.ChainStatus ?? [], "the system's trusted roots");
            }

            return;
        }

        using var chain = new X509Chain { ChainPolicy = RegisteredCaPolicy(_trustedRoots) };
        if (presentedChain is not null)
        {
            chain.ChainPolicy.ExtraStore.AddRange(presentedChain.ChainPolicy.ExtraStore);
        }

        if (!chain.Build(presented))
        {
            ThrowForChain(presented, chain.ChainStatus, "the cluster's registered CA");
        }
    }

    private static X509ChainPolicy RegisteredCaPolicy(X509Certificate2Collection trustedRoots)
    {
        var policy = new X509ChainPolicy
        {
            TrustMode = X509ChainTrustMode.CustomRootTrust,
            RevocationMode = X509RevocationMode.NoCheck,
        };
        policy.CustomTrustStore.AddRange(trustedRoots);
        policy.ApplicationPolicy.Add(ServerAuthentication);
        return policy;
    }

    private void ThrowForChain(X509Certificate2 presented, X509ChainStatus[] statuses, string trustSource)
    {
        var flags = statuses.Aggregate(X509ChainStatusFlags.NoError, (all, status) => all | status.Status);
        var now = DateTimeOffset.UtcNow;
        if ((flags & X509ChainStatusFlags.NotTimeValid) != 0)
        {
            var notAfter = new DateTimeOffset(presented.NotAfter.ToUniversalTime());
            var notBefore = new DateTimeOffset(presented.NotBefore.ToUniversalTime());
            if (now > notAfter)
            {
                throw Reject(
                    ConnectionErrorIds.ServerCertificateExpired,
                    $"The server certificate of cluster '{_clusterName}' ({_access.Server.Authority}, {presented.Subject}) expired on {ClientCertificateValidity.Format(notAfter)}. The cluster's administrator must renew the API server's certificate.");
            }

            if (now < notBefore)
            {
                throw Reject(
                    ConnectionErrorIds.ServerCertificateNotYetValid,
                    $"The server certificate of cluster '{_clusterName}' ({_access.Server.Authority}, {presented.Subject}) is not valid before {ClientCertificateValidity.Format(notBefore)}. Check this machine's clock.");
            }
        }

        var details = string.Join("; ", statuses.Select(status => status.StatusInformation.Trim()).Where(text => text.Length > 0).Distinct());
        throw Reject(
            ConnectionErrorIds.CertificateUntrusted,
            $"The server certificate of cluster '{_clusterName}' ({_access.Server.Authority}, {presented.Subject}, issued by {presented.Issuer}) is not trusted by {trustSource}: {details}. Register the CA that signed the API server's certificate (certificate-authority-data).");
    }

    private void EnsureNameMatches(X509Certificate2 presented)
    {
        if (presented.MatchesHostname(ExpectedName, allowWildcards: true, allowCommonName: false))
        {
            return;
        }

        var validNames = SubjectAlternativeNames(presented);
        var validFor = validNames.Count == 0 ? "no names (it has no subject alternative names)" : string.Join(", ", validNames);
        var remedy = _access.TlsServerName is null
            ? "Connect through one of those names, or set tls-server-name to one of them."
            : "Set tls-server-name to one of those names.";
        throw Reject(
            ConnectionErrorIds.HostnameMismatch,
            $"The server certificate of cluster '{_clusterName}' is valid for {validFor}, not {ExpectedName}. {remedy}");
    }

    private static List<string> SubjectAlternativeNames(X509Certificate2 certificate)
    {
        var names = new List<string>();
        foreach (var extension in certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>())
        {
            names.AddRange(extension.EnumerateDnsNames());
            names.AddRange(extension.EnumerateIPAddresses().Select(address => address.ToString()));
        }

        return names;
    }

    private KubeFleetException Reject(string errorId, string message) => new(errorId, ErrorKind.SecurityError, message, _clusterName);
}
