using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using KubeFleet.Engine.Errors;

namespace KubeFleet.Engine.Connections;

/// <summary>
/// A successful answer whose body has not been read yet: <see cref="Content"/> streams it as it
/// arrives (lists of tens of MB are never buffered whole). Dispose it to free the connection.
/// </summary>
public sealed class ClusterResponse : IDisposable, IAsyncDisposable
{
    private readonly HttpResponseMessage _response;

    internal ClusterResponse(string clusterName, ClusterRequest request, HttpResponseMessage response, Stream content)
    {
        ClusterName = clusterName;
        Request = request;
        _response = response;
        Content = content;
    }

    public HttpStatusCode StatusCode => _response.StatusCode;

    /// <summary>The registered name of the cluster that answered.</summary>
    internal string ClusterName { get; }

    /// <summary>What was asked, for messages about the answer.</summary>
    internal ClusterRequest Request { get; }

    /// <summary>The protocol the answer came over: 2.0 when the cluster negotiated HTTP/2.</summary>
    public Version HttpVersion => _response.Version;

    /// <summary>The media type without parameters, e.g. <c>application/json</c>.</summary>
    public string? MediaType => _response.Content.Headers.ContentType?.MediaType;

    /// <summary>The full Content-Type, parameters included (aggregated discovery is negotiated by them).</summary>
    public string? ContentType => _response.Content.Headers.ContentType?.ToString();

    public HttpResponseHeaders Headers => _response.Headers;

    /// <summary>The body, decompressed, read once. Reads fail with a classified error when the connection breaks or goes silent.</summary>
    public Stream Content { get; }

    /// <summary>Reads the whole body as one JSON document and disposes the response.</summary>
    public async Task<JsonDocument> ReadJsonAsync(CancellationToken cancellationToken = default)
    {
        await using (this.ConfigureAwait(false))
        {
            try
            {
                return await JsonDocument.ParseAsync(Content, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (JsonException e)
            {
                throw new KubeFleetException(
                    ConnectionErrorIds.ResponseInvalid,
                    ErrorKind.InvalidData,
                    $"Cluster '{ClusterName}' answered {Request} with a body that is not valid JSON ({e.Message}). Check that the address is a Kubernetes API server and not a proxy's or load balancer's page.",
                    ClusterName,
                    e);
            }
        }
    }

    public void Dispose()
    {
        Content.Dispose();
        _response.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await Content.DisposeAsync().ConfigureAwait(false);
        _response.Dispose();
    }
}
