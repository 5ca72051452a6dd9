namespace KubeFleet.Engine.Connections;

/// <summary>
/// A request to a cluster's API, relative to its server address. The body, when there is one, is
/// held in memory so that a retry can send it again.
/// </summary>
public sealed record ClusterRequest
{
    public ClusterRequest(HttpMethod method, string pathAndQuery)
    {
        if (!pathAndQuery.StartsWith('/'))
        {
            throw new ArgumentException($"A cluster request path starts with '/', not '{pathAndQuery}'.", nameof(pathAndQuery));
        }

        Method = method;
        PathAndQuery = pathAndQuery;
    }

    public HttpMethod Method { get; }

    /// <summary>e.g. <c>/api/v1/pods?limit=500</c>, appended to the server address (and its path, if any).</summary>
    public string PathAndQuery { get; }

    /// <summary>A UTF-8 JSON body; empty for none.</summary>
    public ReadOnlyMemory<byte> JsonBody { get; init; }

    public string Accept { get; init; } = "application/json";

    /// <summary>Overrides <see cref="ClusterConnectionOptions.RequestTimeout"/> for this request.</summary>
    public TimeSpan? Timeout { get; init; }

    public static ClusterRequest Get(string pathAndQuery) => new(HttpMethod.Get, pathAndQuery);

    public static ClusterRequest PostJson(string path, ReadOnlyMemory<byte> jsonBody) => new(HttpMethod.Post, path) { JsonBody = jsonBody };

    /// <summary>How errors name the request: method and path, never the host or a credential.</summary>
    public override string ToString() => $"{Method.Method} {(PathAndQuery.Length <= 200 ? PathAndQuery : string.Concat(PathAndQuery.AsSpan(0, 200), "…"))}";
}
