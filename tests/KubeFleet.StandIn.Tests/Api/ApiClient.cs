using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using KubeFleet.StandIn.Hosting;
using KubeFleet.StandIn.Tests.Auth;

namespace KubeFleet.StandIn.Tests.Api;

/// <summary>Raw HTTP against one stand-in cluster, as client-go would send it, for checking answers field by field.</summary>
public sealed class ApiClient(HttpClient client) : IDisposable
{
    /// <summary>What kubectl's <c>get</c> sends when it wants a table.</summary>
    public const string TableAccept = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json";

    public static ApiClient AsAdmin(StandInCluster cluster) =>
        new(ClusterClients.For(cluster, clientCertificate: cluster.Users.Admin.ClientCertificate!.Certificate));

    public static ApiClient AsViewer(StandInCluster cluster) => new(ClusterClients.For(cluster, token: cluster.Users.Viewer.Token));

    public async Task<HttpResponseMessage> SendAsync(string path, string? accept = null, string method = "GET", bool gzip = false)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        if (gzip)
        {
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        }

        return await client.SendAsync(request);
    }

    /// <summary>GETs a path expecting <paramref name="status"/> and a JSON body.</summary>
    public async Task<JsonElement> GetJsonAsync(string path, HttpStatusCode status = HttpStatusCode.OK, string? accept = null)
    {
        using var response = await SendAsync(path, accept);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"GET {path}: expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonSerializer.Deserialize<JsonElement>(body);
    }

    /// <summary>Every page of a list, following continue tokens.</summary>
    public async Task<IReadOnlyList<JsonElement>> PagesAsync(string path, int limit)
    {
        var pages = new List<JsonElement>();
        var token = "";
        do
        {
            var separator = path.Contains('?') ? "&" : "?";
            var page = await GetJsonAsync($"{path}{separator}limit={limit}{(token.Length > 0 ? "&continue=" + Uri.EscapeDataString(token) : "")}");
            pages.Add(page);
            token = page.GetProperty("metadata").TryGetProperty("continue", out var next) ? next.GetString()! : "";
        }
        while (token.Length > 0);
        return pages;
    }

    public void Dispose() => client.Dispose();
}
