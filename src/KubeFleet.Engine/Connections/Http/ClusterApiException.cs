using KubeFleet.Engine.Errors;

namespace KubeFleet.Engine.Connections.Http;

/// <summary>
/// A cluster's API server answered a request with an error. Keeps the server's reason and message
/// (<see cref="Status"/>) so callers can tell a missing resource from a denied one.
/// </summary>
public sealed class ClusterApiException : KubeFleetException
{
    private ClusterApiException(string errorId, ErrorKind kind, string message, string clusterName, KubernetesStatus status, string request)
        : base(errorId, kind, message, clusterName)
    {
        Status = status;
        Request = request;
    }

    public KubernetesStatus Status { get; }

    /// <summary>The refused request, as <c>GET /api/v1/pods</c> (no host, no credentials).</summary>
    public string Request { get; }

    public int StatusCode => Status.Code;

    public string Reason => Status.Reason;

    internal static ClusterApiException Create(string clusterName, string request, KubernetesStatus status, int retries = 0)
    {
        var said = $"{status.Code} {status.Reason}: {status.Message}";
        var (errorId, kind, message) = status.Code switch
        {
            401 => (ConnectionErrorIds.Unauthorized, ErrorKind.AuthenticationError,
                $"Cluster '{clusterName}' did not accept the credential for {request} ({said}). The token, certificate or plugin credential is wrong, expired or revoked: get a new one and rotate the cluster's credentials."),
            403 => (ConnectionErrorIds.Forbidden, ErrorKind.PermissionDenied,
                $"Cluster '{clusterName}' denied {request} ({said}). Ask the cluster's administrator to grant that permission, or use a credential that has it."),
            404 => (ConnectionErrorIds.ResourceNotFound, ErrorKind.ObjectNotFound,
                $"Cluster '{clusterName}' has nothing at {request} ({said})."),
            409 => (ConnectionErrorIds.Conflict, ErrorKind.ResourceExists,
                $"Cluster '{clusterName}' reported a conflict for {request} ({said})."),
            410 => (ConnectionErrorIds.ResourceExpired, ErrorKind.InvalidOperation,
                $"Cluster '{clusterName}' no longer has what {request} asked for ({said}). Start the request again from the beginning."),
            429 => (ConnectionErrorIds.Throttled, ErrorKind.LimitsExceeded,
                $"Cluster '{clusterName}' throttled {request} ({said}){RetriedText(retries)}. Try again later, or send fewer requests at once."),
            >= 500 => (ConnectionErrorIds.ServerError, ErrorKind.ResourceUnavailable,
                $"Cluster '{clusterName}' failed {request} ({said}){RetriedText(retries)}. The API server is unwell: check its health, then try again."),
            400 or 422 or 413 or 415 or 406 or 405 => (ConnectionErrorIds.RequestInvalid, ErrorKind.InvalidArgument,
                $"Cluster '{clusterName}' refused {request} as invalid ({said})."),
            _ => (ConnectionErrorIds.RequestFailed, ErrorKind.NotSpecified,
                $"Cluster '{clusterName}' refused {request} ({said})."),
        };
        return new ClusterApiException(errorId, kind, message, clusterName, status, request);
    }

    private static string RetriedText(int retries) => retries switch
    {
        0 => "",
        1 => " and still did after 1 retry",
        _ => $" and still did after {retries} retries",
    };
}
