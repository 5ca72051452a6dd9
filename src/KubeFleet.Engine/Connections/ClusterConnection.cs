using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using KubeFleet.Engine.Connections.Credentials;
using KubeFleet.Engine.Connections.Exec;
using KubeFleet.Engine.Connections.Http;
using KubeFleet.Engine.Connections.Tls;
using KubeFleet.Engine.Errors;

namespace KubeFleet.Engine.Connections;

/// <summary>
/// The way to talk to one cluster as one user: a pooled HTTP handler (HTTP/2 or enough HTTP/1.1
/// connections for many concurrent requests), TLS trust, credentials, retries and error
/// classification. Safe to use from many threads at once. Get one from a
/// <see cref="ClusterConnectionPool"/>; never build HttpClients for clusters elsewhere.
/// </summary>
public sealed class ClusterConnection : IDisposable
{
    private const int MaxErrorBodyBytes = 64 * 1024;

    private readonly ClusterConnectionOptions _options;
    private readonly CredentialSource _credentials;
    private readonly ServerCertificateValidator _certificateValidator;
    private readonly string _baseAddress;
    private readonly object _transportGate = new();
    private ClusterTransport? _transport;
    private bool _disposed;

    internal ClusterConnection(string clusterName, ClusterAccess access, ClusterConnectionOptions options, ExecCredentialProvider execCredentials)
    {
        ClusterAccessRules.EnsureUsable(clusterName, access);
        ClusterName = clusterName;
        Access = access;
        _options = options;
        var trustedRoots = access.CertificateAuthorityPem is { } authority ? PemCertificates.LoadCertificateAuthority(clusterName, authority) : null;
        _certificateValidator = new ServerCertificateValidator(clusterName, access, trustedRoots, options.OnWarning);
        _credentials = CredentialSource.For(clusterName, access, execCredentials);
        _baseAddress = access.Server.GetLeftPart(UriPartial.Path).TrimEnd('/');
    }

    public string ClusterName { get; }

    public ClusterAccess Access { get; }

    /// <summary>
    /// Sends a request and returns once the response headers have arrived; the body streams from
    /// <see cref="ClusterResponse.Content"/>. Retries a 429 or 5xx that carries Retry-After, and
    /// after a 401 with exec credentials runs the plugin again and retries once. Any other failure
    /// is thrown as a classified <see cref="KubeFleetException"/> (a <see cref="ClusterApiException"/>
    /// when the server answered with an error).
    /// </summary>
    public async Task<ClusterResponse> SendAsync(ClusterRequest request, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var retries = new RetryBudget(_options.MaxRetries, _options.MaxRetryWait);
        var refreshedAfterUnauthorized = false;
        while (true)
        {
            var credentials = await _credentials.GetAsync(cancellationToken).ConfigureAwait(false);
            if (credentials.ClientCertificate is { } clientCertificate)
            {
                ClientCertificateValidity.EnsureValid(ClusterName, clientCertificate.Certificate, DateTimeOffset.UtcNow);
            }

            var transport = AcquireTransport(credentials.ClientCertificate);
            HttpResponseMessage response;
            try
            {
                response = await SendOnceAsync(transport, request, credentials, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                transport.Release();
                throw;
            }

            TimeSpan? retryAfter = null;
            try
            {
                if (response.StatusCode == HttpStatusCode.Unauthorized && !refreshedAfterUnauthorized)
                {
                    refreshedAfterUnauthorized = true;
                    if (await _credentials.RefreshAfterUnauthorizedAsync(credentials, cancellationToken).ConfigureAwait(false))
                    {
                        retryAfter = TimeSpan.Zero;
                    }
                }
                else if (retries.TryTake(response.StatusCode, response.Headers.RetryAfter, out var wait))
                {
                    retryAfter = wait;
                }

                if (retryAfter is null)
                {
                    ReportWarnings(response);
                    if (response.IsSuccessStatusCode)
                    {
                        var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                        var content = new ResponseContentStream(body, transport, _options.ReadIdleTimeout, ClusterName, Access.Server, request.ToString());
                        return new ClusterResponse(ClusterName, request, response, content);
                    }

                    throw await FailureFromAsync(response, request, retries.Retries, cancellationToken).ConfigureAwait(false);
                }
            }
            catch
            {
                response.Dispose();
                transport.Release();
                throw;
            }

            // The connection goes back to the pool before the wait, not after.
            response.Dispose();
            transport.Release();
            await Task.Delay(retryAfter.Value, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>GETs a path and parses the answer as JSON.</summary>
    public async Task<JsonDocument> GetJsonAsync(string pathAndQuery, CancellationToken cancellationToken = default)
    {
        var response = await SendAsync(ClusterRequest.Get(pathAndQuery), cancellationToken).ConfigureAwait(false);
        return await response.ReadJsonAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>POSTs a JSON body (a review, say) and parses the answer as JSON.</summary>
    public async Task<JsonDocument> PostJsonAsync(string path, ReadOnlyMemory<byte> jsonBody, CancellationToken cancellationToken = default)
    {
        var response = await SendAsync(ClusterRequest.PostJson(path, jsonBody), cancellationToken).ConfigureAwait(false);
        return await response.ReadJsonAsync(cancellationToken).ConfigureAwait(false);
    }

    public void Dispose()
    {
        lock (_transportGate)
        {
            _disposed = true;
            _transport?.Retire();
            _transport = null;
        }
    }

    private ClusterTransport AcquireTransport(ClientCertificate? clientCertificate)
    {
        lock (_transportGate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_transport is null || !_transport.Serves(clientCertificate))
            {
                _transport?.Retire();
                _transport = new ClusterTransport(Access, _options, _certificateValidator, clientCertificate);
            }

            _transport.Acquire();
            return _transport;
        }
    }

    private async Task<HttpResponseMessage> SendOnceAsync(ClusterTransport transport, ClusterRequest request, RequestCredentials credentials, CancellationToken cancellationToken)
    {
        using var message = CreateMessage(request, credentials);
        var timeout = request.Timeout ?? _options.RequestTimeout;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            return await transport.Invoker.SendAsync(message, deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw e.InnerException is TimeoutException
                ? TransportFailures.TimedOut(ClusterName, Access.Server, request.ToString(), $"no connection within {_options.ConnectTimeout.TotalSeconds:0.#} s", e)
                : TransportFailures.TimedOut(ClusterName, Access.Server, request.ToString(), $"no response within {timeout.TotalSeconds:0.#} s", e);
        }
        catch (HttpRequestException e)
        {
            throw TransportFailures.Classify(e, ClusterName, Access.Server, request.ToString());
        }
    }

    private HttpRequestMessage CreateMessage(ClusterRequest request, RequestCredentials credentials)
    {
        var message = new HttpRequestMessage(request.Method, _baseAddress + request.PathAndQuery)
        {
            Version = _options.HttpVersion,
            VersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
        };
        var headers = message.Headers;
        headers.TryAddWithoutValidation("Accept", request.Accept);
        headers.TryAddWithoutValidation("User-Agent", _options.UserAgent);

        // .NET takes the TLS server name (SNI) from the Host header, so tls-server-name goes there;
        // the API server does not route on Host.
        if (Access.TlsServerName is { Length: > 0 } serverName)
        {
            headers.Host = Access.Server.IsDefaultPort ? serverName : $"{serverName}:{Access.Server.Port}";
        }

        if (credentials.BearerToken is { } token)
        {
            headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (Access.Impersonate is { Length: > 0 } user)
        {
            headers.TryAddWithoutValidation("Impersonate-User", user);
            foreach (var group in Access.ImpersonateGroups)
            {
                headers.TryAddWithoutValidation("Impersonate-Group", group);
            }
        }

        if (!request.JsonBody.IsEmpty)
        {
            message.Content = new ReadOnlyMemoryContent(request.JsonBody);
            message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        return message;
    }

    private async Task<KubeFleetException> FailureFromAsync(HttpResponseMessage response, ClusterRequest request, int retries, CancellationToken cancellationToken)
    {
        var code = (int)response.StatusCode;
        if (code is >= 300 and < 400)
        {
            var location = response.Headers.Location is { } target ? $" to {target}" : "";
            return new KubeFleetException(
                ConnectionErrorIds.RedirectRefused,
                ErrorKind.SecurityError,
                $"Cluster '{ClusterName}' answered {request} with a redirect{location} ({code}). Redirects are not followed, so credentials never go to another address: register the address it points to, if you trust it.",
                ClusterName);
        }

        var body = await ReadErrorBodyAsync(response, cancellationToken).ConfigureAwait(false);
        var status = KubernetesStatus.Decode(response.StatusCode, response.Content.Headers.ContentType?.MediaType, body);
        return ClusterApiException.Create(ClusterName, request.ToString(), status, retries);
    }

    /// <summary>Reads at most 64 KiB of an error body: a Status is small, a proxy's error page need not be.</summary>
    private async Task<byte[]> ReadErrorBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_options.RequestTimeout);
        var buffer = new byte[MaxErrorBodyBytes];
        var length = 0;
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(deadline.Token).ConfigureAwait(false);
            int read;
            while (length < buffer.Length && (read = await body.ReadAsync(buffer.AsMemory(length), deadline.Token).ConfigureAwait(false)) > 0)
            {
                length += read;
            }
        }
        catch (Exception e) when (e is IOException or HttpRequestException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // The status code alone still classifies the failure; the body would only have added detail.
        }

        return buffer[..length];
    }

    private void ReportWarnings(HttpResponseMessage response)
    {
        if (_options.OnWarning is not { } onWarning)
        {
            return;
        }

        foreach (var warning in response.Headers.Warning)
        {
            // Kubernetes sends its warnings (deprecated APIs, ignored fields) as code 299.
            if (warning.Code == 299)
            {
                onWarning(new ClusterWarning(ClusterName, UnquoteWarningText(warning.Text)));
            }
        }
    }

    private static string UnquoteWarningText(string text) =>
        text.Length >= 2 && text[0] == '"' && text[^1] == '"' ? text[1..^1].Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal) : text;
}
