using KubeFleet.StandIn.Security;

namespace KubeFleet.StandIn.Api.Routing;

/// <summary>
/// A request as the API server's request-info resolver sees it: what the authorizer is asked about, plus
/// what routing needs (the API version, the path segments after it, whether the namespace came from the path).
/// </summary>
internal sealed record ApiRequest(RequestAttributes Attributes)
{
    public string ApiVersion { get; init; } = "";

    /// <summary><c>resource[/name[/subresource]]</c>, relative to the namespace when the path names one.</summary>
    public IReadOnlyList<string> Parts { get; init; } = [];

    /// <summary>True for <c>…/namespaces/{ns}/{resource}…</c>; false for <c>…/namespaces/{name}</c> itself.</summary>
    public bool NamespaceInPath { get; init; }

    /// <summary>The object name from the path (the authorizer's name may also come from a field selector).</summary>
    public string PathName => Parts.Count >= 2 ? Parts[1] : "";

    public string Subresource => Parts.Count >= 3 ? Parts[2] : "";
}
