using KubeFleet.Engine.Discovery;

namespace KubeFleet.Engine.Tests.Discovery;

/// <summary>Small catalogs shaped like real clusters' discovery, for resolution tests.</summary>
internal static class Catalogs
{
    public static ResourceCatalog Typical(bool withCertificates = false)
    {
        var resources = new List<ApiResource>
        {
            Resource("", "v1", "pods", "Pod", ["po"], ["all"]),
            Resource("", "v1", "services", "Service", ["svc"], ["all"]),
            Resource("", "v1", "events", "Event", ["ev"]),
            Resource("", "v1", "nodes", "Node", ["no"], namespaced: false),
            Resource("", "v1", "bindings", "Binding", verbs: ["create"]),
            Resource("apps", "v1", "deployments", "Deployment", ["deploy"], ["all"]),
            Resource("apps", "v1", "replicasets", "ReplicaSet", ["rs"], ["all"]),
            Resource("events.k8s.io", "v1", "events", "Event", ["ev"]),
            Resource("autoscaling", "v2", "horizontalpodautoscalers", "HorizontalPodAutoscaler", ["hpa"], ["all"]),
            Resource("autoscaling", "v1", "horizontalpodautoscalers", "HorizontalPodAutoscaler", ["hpa"], ["all"]),
            Resource("flowcontrol.apiserver.k8s.io", "v1", "flowschemas", "FlowSchema", namespaced: false),
            Resource("flowcontrol.apiserver.k8s.io", "v1beta3", "flowschemas", "FlowSchema", namespaced: false),
            Resource("flowcontrol.apiserver.k8s.io", "v1beta3", "prioritylevelconfigurations", "PriorityLevelConfiguration", namespaced: false),
            Resource("example.com", "v1", "services", "Service", ["xsvc"]),
        };
        if (withCertificates)
        {
            resources.Add(Resource("cert-manager.io", "v1", "certificates", "Certificate", ["cert", "certs"], ["cert-manager"]));
        }

        var preferred = new Dictionary<string, string>
        {
            [""] = "v1",
            ["apps"] = "v1",
            ["events.k8s.io"] = "v1",
            ["autoscaling"] = "v2",
            ["flowcontrol.apiserver.k8s.io"] = "v1",
            ["example.com"] = "v1",
            ["cert-manager.io"] = "v1",
        };
        return new ResourceCatalog(resources, preferred, [], DateTimeOffset.UtcNow);
    }

    private static ApiResource Resource(
        string group,
        string version,
        string plural,
        string kind,
        IReadOnlyList<string>? shortNames = null,
        IReadOnlyList<string>? categories = null,
        bool namespaced = true,
        IReadOnlyList<string>? verbs = null) => new()
    {
        Group = group,
        Version = version,
        Resource = plural,
        Kind = kind,
        SingularName = kind.ToLowerInvariant(),
        ShortNames = shortNames ?? [],
        Categories = categories ?? [],
        Namespaced = namespaced,
        Verbs = verbs ?? ["get", "list", "watch"],
    };
}
