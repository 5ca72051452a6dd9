namespace KubeFleet.StandIn.Api.Errors;

/// <summary>Ends a request with a Status answer from wherever in request handling the failure is found.</summary>
internal sealed class ApiStatusException(ApiStatus status) : Exception(status.Message)
{
    public ApiStatus Status { get; } = status;
}
