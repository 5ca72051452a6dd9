using KubeFleet.Engine.Errors;

namespace KubeFleet.Engine.KubeConfig;

/// <summary>A <c>clusters[].cluster</c> entry checked and read, its certificate authority embedded.</summary>
internal sealed record ClusterSettings
{
    public required Uri Server { get; init; }

    public string? CertificateAuthorityPem { get; init; }

    public string? TlsServerName { get; init; }

    public bool InsecureSkipTlsVerify { get; init; }

    public Uri? ProxyUrl { get; init; }

    public bool DisableCompression { get; init; }

    public string? ExecClusterConfigJson { get; init; }

    /// <summary>
    /// The cluster's settings. <paramref name="usesClientCertificate"/> takes part in client-go's
    /// choice of scheme for a server written without one.
    /// </summary>
    public static ClusterSettings Read(ClusterEntry cluster, bool usesClientCertificate)
    {
        var owner = $"cluster '{cluster.Name}'";
        var hasCertificateAuthority = cluster.CertificateAuthority is not null || cluster.CertificateAuthorityData is not null;
        var server = cluster.Server ?? throw new KubeFleetException(KubeConfigErrorIds.ServerMissing, ErrorKind.InvalidData,
            $"The {owner} {cluster.Origin.Where} has no server defined. Add its API server address (server: https://host:6443).",
            cluster.Origin.Target);
        if (cluster.InsecureSkipTlsVerify && hasCertificateAuthority)
        {
            throw new KubeFleetException(KubeConfigErrorIds.InsecureWithCertificateAuthority, ErrorKind.InvalidData,
                $"The {owner} {cluster.Origin.Where} sets insecure-skip-tls-verify and a certificate authority: specifying a root certificates file with the insecure flag is not allowed. Remove insecure-skip-tls-verify (the certificate authority is the safe choice).",
                cluster.Origin.Target);
        }
        var certificateAuthority = ReferencedContent.Read(cluster.CertificateAuthority, cluster.CertificateAuthorityData, "certificate-authority", owner, cluster.Origin);
        return new ClusterSettings
        {
            // client-go's DefaultServerURL: without a scheme, https only when TLS is configured.
            Server = ParseServer(server, hasCertificateAuthority || usesClientCertificate || cluster.InsecureSkipTlsVerify, owner, cluster.Origin),
            CertificateAuthorityPem = certificateAuthority is null ? null : CertificateAuthorityBundle.Check(certificateAuthority, owner, cluster.Origin),
            TlsServerName = cluster.TlsServerName,
            InsecureSkipTlsVerify = cluster.InsecureSkipTlsVerify,
            ProxyUrl = cluster.ProxyUrl is null ? null : ParseProxyUrl(cluster.ProxyUrl, owner, cluster.Origin),
            DisableCompression = cluster.DisableCompression,
            ExecClusterConfigJson = cluster.ExecExtensionJson,
        };
    }

    private static Uri ParseServer(string server, bool defaultTls, string owner, KubeConfigOrigin origin)
    {
        var text = server.Contains("://", StringComparison.Ordinal) ? server : (defaultTls ? "https://" : "http://") + server;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || uri.Host.Length == 0)
        {
            throw new KubeFleetException(KubeConfigErrorIds.ServerInvalid, ErrorKind.InvalidData,
                $"The server {Shown(server)}of the {owner} {origin.Where} is not an https:// (or http://) address. Write it like https://10.0.0.1:6443.",
                origin.Target);
        }
        if (uri.UserInfo.Length > 0)
        {
            throw new KubeFleetException(KubeConfigErrorIds.ServerInvalid, ErrorKind.InvalidData,
                $"The server address of the {owner} {origin.Where} carries a user name or password ('user@host'), which would be kept and sent unprotected. Remove it from the address; credentials belong in the user entry.",
                origin.Target);
        }
        return uri;
    }

    // client-go's parseProxyURL accepts exactly these schemes.
    private static Uri ParseProxyUrl(string proxyUrl, string owner, KubeConfigOrigin origin)
    {
        if (!Uri.TryCreate(proxyUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https" or "socks5") || uri.Host.Length == 0)
        {
            throw new KubeFleetException(KubeConfigErrorIds.ProxyUrlInvalid, ErrorKind.InvalidData,
                $"The proxy-url {Shown(proxyUrl)}of the {owner} {origin.Where} is not supported: its scheme must be http, https, or socks5 (for example http://proxy.example:3128).",
                origin.Target);
        }
        if (uri.UserInfo.Length > 0)
        {
            throw new KubeFleetException(KubeConfigErrorIds.ProxyUrlInvalid, ErrorKind.InvalidData,
                $"The proxy-url of the {owner} {origin.Where} carries a user name or password, which KubeFleet would have to keep unsealed. Use a proxy that does not need credentials in its address.",
                origin.Target);
        }
        return uri;
    }

    // An address with '@' may hold a password: it is not repeated back.
    private static string Shown(string address) => address.Contains('@') ? "" : $"'{address}' ";
}
