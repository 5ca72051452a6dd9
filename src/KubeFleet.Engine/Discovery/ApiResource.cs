namespace KubeFleet.Engine.Discovery;

/// <summary>One resource a cluster serves in one group version, as its discovery describes it.</summary>
public sealed class ApiResource
{
    /// <summary>The API group; empty for the core group (pods, services, nodes, …).</summary>
    public required string Group { get; init; }

    public required string Version { get; init; }

    /// <summary>The plural resource name used in URLs, e.g. <c>deployments</c>.</summary>
    public required string Resource { get; init; }

    public required string Kind { get; init; }

    /// <summary>e.g. <c>deployment</c>; servers before Kubernetes 1.27 may leave it empty.</summary>
    public string SingularName { get; init; } = "";

    public IReadOnlyList<string> ShortNames { get; init; } = [];

    /// <summary>The categories it belongs to, such as <c>all</c> (what <c>kubectl get all</c> lists).</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    public required bool Namespaced { get; init; }

    public IReadOnlyList<string> Verbs { get; init; } = [];

    /// <summary><c>v1</c> for the core group, <c>group/version</c> otherwise.</summary>
    public string ApiVersion => Group.Length == 0 ? Version : Group + "/" + Version;

    /// <summary>The name kubectl prints and accepts for it: <c>pods</c>, <c>deployments.apps</c>.</summary>
    public string QualifiedName => Group.Length == 0 ? Resource : Resource + "." + Group;

    public bool CanList => Verbs.Contains("list", StringComparer.Ordinal);

    /// <summary>
    /// The URL path that lists it: across all namespaces when <paramref name="namespaceName"/> is
    /// null, within one otherwise (cluster-scoped resources have no namespaced form).
    /// </summary>
    public string ListPath(string? namespaceName)
    {
        var groupVersion = Group.Length == 0 ? "/api/" + Version : $"/apis/{Group}/{Version}";
        return Namespaced && namespaceName is not null
            ? $"{groupVersion}/namespaces/{Uri.EscapeDataString(namespaceName)}/{Resource}"
            : $"{groupVersion}/{Resource}";
    }

    public override string ToString() => $"{QualifiedName} ({ApiVersion}, {Kind})";
}
