namespace KubeFleet.StandIn.Security;

/// <summary>
/// What a request asks to do, in the authorizer's terms. Either a resource request (group, resource,
/// namespace, name) or a non-resource one (a path such as <c>/version</c>).
/// </summary>
public sealed record RequestAttributes
{
    public required string Verb { get; init; }

    public bool IsResourceRequest { get; init; }

    public string ApiGroup { get; init; } = "";

    public string Resource { get; init; } = "";

    public string Subresource { get; init; } = "";

    /// <summary>Empty for cluster-scoped requests and for lists across all namespaces.</summary>
    public string Namespace { get; init; } = "";

    public string Name { get; init; } = "";

    public string Path { get; init; } = "";
}
