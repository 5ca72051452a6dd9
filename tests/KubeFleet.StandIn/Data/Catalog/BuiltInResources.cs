namespace KubeFleet.StandIn.Data.Catalog;

/// <summary>
/// The built-in resources a Kubernetes 1.32 API server advertises (a representative set), in the order
/// the real discovery documents list them. Subresources are limited to the ones the stand-in serves.
/// </summary>
public static class BuiltInResources
{
    public static readonly IReadOnlyList<ResourceType> All =
    [
        Core("bindings", "Binding", true, KubeVerbs.CreateOnly),
        Core("componentstatuses", "ComponentStatus", false, KubeVerbs.ReadOnly, ["cs"]),
        Core("configmaps", "ConfigMap", true, shortNames: ["cm"]),
        Core("endpoints", "Endpoints", true, shortNames: ["ep"], singular: "endpoints"),
        Core("events", "Event", true, shortNames: ["ev"]),
        Core("limitranges", "LimitRange", true, shortNames: ["limits"]),
        Core("namespaces", "Namespace", false, KubeVerbs.AllButDeleteCollection, ["ns"], status: true),
        Core("nodes", "Node", false, shortNames: ["no"], status: true),
        Core("persistentvolumeclaims", "PersistentVolumeClaim", true, shortNames: ["pvc"], status: true),
        Core("persistentvolumes", "PersistentVolume", false, shortNames: ["pv"], status: true),
        Core("pods", "Pod", true, shortNames: ["po"], all: true, status: true),
        Core("podtemplates", "PodTemplate", true),
        Core("replicationcontrollers", "ReplicationController", true, shortNames: ["rc"], all: true, status: true, scale: true),
        Core("resourcequotas", "ResourceQuota", true, shortNames: ["quota"], status: true),
        Core("secrets", "Secret", true),
        Core("serviceaccounts", "ServiceAccount", true, shortNames: ["sa"]),
        Core("services", "Service", true, shortNames: ["svc"], all: true, status: true),

        Grouped("apps", "v1", "controllerrevisions", "ControllerRevision", true),
        Grouped("apps", "v1", "daemonsets", "DaemonSet", true, shortNames: ["ds"], all: true, status: true),
        Grouped("apps", "v1", "deployments", "Deployment", true, shortNames: ["deploy"], all: true, status: true, scale: true),
        Grouped("apps", "v1", "replicasets", "ReplicaSet", true, shortNames: ["rs"], all: true, status: true, scale: true),
        Grouped("apps", "v1", "statefulsets", "StatefulSet", true, shortNames: ["sts"], all: true, status: true, scale: true),

        Grouped("events.k8s.io", "v1", "events", "Event", true, shortNames: ["ev"]),

        Grouped("authentication.k8s.io", "v1", "selfsubjectreviews", "SelfSubjectReview", false, KubeVerbs.CreateOnly),
        Grouped("authentication.k8s.io", "v1", "tokenreviews", "TokenReview", false, KubeVerbs.CreateOnly),

        Grouped("authorization.k8s.io", "v1", "localsubjectaccessreviews", "LocalSubjectAccessReview", true, KubeVerbs.CreateOnly),
        Grouped("authorization.k8s.io", "v1", "selfsubjectaccessreviews", "SelfSubjectAccessReview", false, KubeVerbs.CreateOnly),
        Grouped("authorization.k8s.io", "v1", "selfsubjectrulesreviews", "SelfSubjectRulesReview", false, KubeVerbs.CreateOnly),
        Grouped("authorization.k8s.io", "v1", "subjectaccessreviews", "SubjectAccessReview", false, KubeVerbs.CreateOnly),

        Grouped("autoscaling", "v2", "horizontalpodautoscalers", "HorizontalPodAutoscaler", true, shortNames: ["hpa"], all: true, status: true),
        Grouped("autoscaling", "v1", "horizontalpodautoscalers", "HorizontalPodAutoscaler", true, shortNames: ["hpa"], all: true, status: true),

        Grouped("batch", "v1", "cronjobs", "CronJob", true, shortNames: ["cj"], all: true, status: true),
        Grouped("batch", "v1", "jobs", "Job", true, all: true, status: true),

        Grouped("networking.k8s.io", "v1", "ingressclasses", "IngressClass", false),
        Grouped("networking.k8s.io", "v1", "ingresses", "Ingress", true, shortNames: ["ing"], status: true),
        Grouped("networking.k8s.io", "v1", "networkpolicies", "NetworkPolicy", true, shortNames: ["netpol"]),

        Grouped("policy", "v1", "poddisruptionbudgets", "PodDisruptionBudget", true, shortNames: ["pdb"], status: true),

        Grouped("rbac.authorization.k8s.io", "v1", "clusterrolebindings", "ClusterRoleBinding", false),
        Grouped("rbac.authorization.k8s.io", "v1", "clusterroles", "ClusterRole", false),
        Grouped("rbac.authorization.k8s.io", "v1", "rolebindings", "RoleBinding", true),
        Grouped("rbac.authorization.k8s.io", "v1", "roles", "Role", true),

        Grouped("storage.k8s.io", "v1", "csidrivers", "CSIDriver", false),
        Grouped("storage.k8s.io", "v1", "csinodes", "CSINode", false),
        Grouped("storage.k8s.io", "v1", "csistoragecapacities", "CSIStorageCapacity", true),
        Grouped("storage.k8s.io", "v1", "storageclasses", "StorageClass", false, shortNames: ["sc"]),
        Grouped("storage.k8s.io", "v1", "volumeattachments", "VolumeAttachment", false, status: true),

        Grouped("apiextensions.k8s.io", "v1", "customresourcedefinitions", "CustomResourceDefinition", false, shortNames: ["crd", "crds"], status: true),

        Grouped("coordination.k8s.io", "v1", "leases", "Lease", true),

        Grouped("discovery.k8s.io", "v1", "endpointslices", "EndpointSlice", true),
    ];

    /// <summary>A built-in resource by group and plural name (its preferred version).</summary>
    public static ResourceType Get(string group, string resource) => All.First(t => t.Group == group && t.Resource == resource);

    private static ResourceType Core(
        string resource, string kind, bool namespaced, IReadOnlyList<string>? verbs = null, IReadOnlyList<string>? shortNames = null,
        bool all = false, bool status = false, bool scale = false, string? singular = null) =>
        Grouped("", "v1", resource, kind, namespaced, verbs, shortNames, all, status, scale, singular);

    private static ResourceType Grouped(
        string group, string version, string resource, string kind, bool namespaced, IReadOnlyList<string>? verbs = null,
        IReadOnlyList<string>? shortNames = null, bool all = false, bool status = false, bool scale = false, string? singular = null)
    {
        var subresources = new List<SubresourceType>();
        if (scale)
        {
            subresources.Add(new SubresourceType("scale", "autoscaling", "v1", "Scale", KubeVerbs.Status));
        }

        if (status)
        {
            subresources.Add(new SubresourceType("status", group, version, kind, KubeVerbs.Status));
        }

        return new ResourceType
        {
            Group = group,
            Version = version,
            Resource = resource,
            Kind = kind,
            Singular = singular ?? kind.ToLowerInvariant(),
            Namespaced = namespaced,
            Verbs = verbs ?? KubeVerbs.All,
            ShortNames = shortNames ?? [],
            Categories = all ? ["all"] : [],
            Subresources = subresources,
        };
    }
}
