using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using KubeFleet.Engine.Connections.Tls;

namespace KubeFleet.Engine.Connections.Http;

/// <summary>
/// One pooled HTTP handler for one cluster and one client certificate. When an exec plugin hands
/// out a new certificate, a new transport replaces this one (client-go closes connections on
/// certificate rotation too); the old one is retired and disposed once its last request, or
/// streamed response, has finished with it.
/// </summary>
internal sealed class ClusterTransport
{
    /// <summary>
    /// How much of one HTTP/2 response the server may send ahead of what has been read. The default
    /// 64 KiB holds a fraction of a compressed page of 500 pods (about 400 KiB), so the server
    /// stalled on every page; 1 MiB holds one (the headline search took 9% less time, and its server
    /// a sixth less CPU, docs/benchmarks.md). It is also what waits in memory per list read when
    /// results are consumed slowly; client-go allows 4 MiB.
    /// </summary>
    private const int Http2StreamWindowBytes = 1024 * 1024;

    private readonly object _gate = new();
    private readonly SocketsHttpHandler _handler;
    private int _leases;
    private bool _retired;

    public ClusterTransport(ClusterAccess access, ClusterConnectionOptions options, ServerCertificateValidator validator, ClientCertificate? clientCertificate)
    {
        ClientCertificate = clientCertificate;
        var ssl = new SslClientAuthenticationOptions
        {
            RemoteCertificateValidationCallback = validator.Validate,
            CertificateChainPolicy = validator.HandshakeChainPolicy(),
        };
        if (clientCertificate is not null)
        {
            ssl.ClientCertificateContext = SslStreamCertificateContext.Create(clientCertificate.Certificate, clientCertificate.Intermediates, offline: true);
        }

        _handler = new SocketsHttpHandler
        {
            SslOptions = ssl,
            AllowAutoRedirect = false,
            UseCookies = false,
            AutomaticDecompression = access.DisableCompression ? DecompressionMethods.None : DecompressionMethods.GZip,
            ConnectTimeout = options.ConnectTimeout,
            MaxConnectionsPerServer = options.MaxConnectionsPerCluster,
            EnableMultipleHttp2Connections = true,
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(90),
            InitialHttp2StreamWindowSize = Http2StreamWindowBytes,
        };
        if (access.ProxyUrl is { } proxyUrl)
        {
            _handler.Proxy = CreateProxy(proxyUrl);
            _handler.UseProxy = true;
        }

        Invoker = new HttpMessageInvoker(_handler, disposeHandler: false);
    }

    public HttpMessageInvoker Invoker { get; }

    public ClientCertificate? ClientCertificate { get; }

    public bool Serves(ClientCertificate? clientCertificate) =>
        ReferenceEquals(ClientCertificate, clientCertificate)
        || (ClientCertificate is not null && clientCertificate is not null
            && ClientCertificate.Certificate.Thumbprint == clientCertificate.Certificate.Thumbprint);

    /// <summary>Takes a lease: the handler stays until every lease is released.</summary>
    public void Acquire()
    {
        lock (_gate)
        {
            if (_retired)
            {
                throw new InvalidOperationException("A retired transport takes no new requests.");
            }

            _leases++;
        }
    }

    public void Release()
    {
        bool dispose;
        lock (_gate)
        {
            _leases--;
            dispose = _retired && _leases == 0;
        }

        if (dispose)
        {
            DisposeHandler();
        }
    }

    /// <summary>No new leases; the handler goes once the leases held now are released.</summary>
    public void Retire()
    {
        bool dispose;
        lock (_gate)
        {
            if (_retired)
            {
                return;
            }

            _retired = true;
            dispose = _leases == 0;
        }

        if (dispose)
        {
            DisposeHandler();
        }
    }

    private void DisposeHandler()
    {
        Invoker.Dispose();
        _handler.Dispose();
    }

    private static WebProxy CreateProxy(Uri proxyUrl)
    {
        // kubeconfig proxy-url may carry user:password, as Go's proxy URLs do; WebProxy wants them apart.
        var proxy = new WebProxy(new UriBuilder(proxyUrl) { UserName = "", Password = "" }.Uri);
        if (proxyUrl.UserInfo.Length > 0)
        {
            var separator = proxyUrl.UserInfo.IndexOf(':');
            var user = separator < 0 ? proxyUrl.UserInfo : proxyUrl.UserInfo[..separator];
            var password = separator < 0 ? "" : proxyUrl.UserInfo[(separator + 1)..];
            proxy.Credentials = new NetworkCredential(Uri.UnescapeDataString(user), Uri.UnescapeDataString(password));
        }

        return proxy;
    }
}
