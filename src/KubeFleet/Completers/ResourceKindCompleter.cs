using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace KubeFleet.Completers;

/// <summary>
/// Completes -Kind with the resource types every Kubernetes cluster serves, by plural name, kind or
/// short name, and with the <c>all</c> category. Completion never touches the network, so custom
/// resources, which only a cluster's discovery knows, are typed out (<c>certificates.cert-manager.io</c>).
/// </summary>
public sealed class ResourceKindCompleter : IArgumentCompleter
{
    private static readonly BuiltInResource[] BuiltIn =
    [
        new("pods", "Pod", "v1", "po"),
        new("services", "Service", "v1", "svc"),
        new("configmaps", "ConfigMap", "v1", "cm"),
        new("secrets", "Secret", "v1"),
        new("namespaces", "Namespace", "v1", "ns"),
        new("nodes", "Node", "v1", "no"),
        new("persistentvolumeclaims", "PersistentVolumeClaim", "v1", "pvc"),
        new("persistentvolumes", "PersistentVolume", "v1", "pv"),
        new("serviceaccounts", "ServiceAccount", "v1", "sa"),
        new("endpoints", "Endpoints", "v1", "ep"),
        new("events", "Event", "v1", "ev"),
        new("limitranges", "LimitRange", "v1", "limits"),
        new("resourcequotas", "ResourceQuota", "v1", "quota"),
        new("replicationcontrollers", "ReplicationController", "v1", "rc"),
        new("podtemplates", "PodTemplate", "v1"),
        new("deployments", "Deployment", "apps/v1", "deploy"),
        new("replicasets", "ReplicaSet", "apps/v1", "rs"),
        new("statefulsets", "StatefulSet", "apps/v1", "sts"),
        new("daemonsets", "DaemonSet", "apps/v1", "ds"),
        new("controllerrevisions", "ControllerRevision", "apps/v1"),
        new("jobs", "Job", "batch/v1"),
        new("cronjobs", "CronJob", "batch/v1", "cj"),
        new("horizontalpodautoscalers", "HorizontalPodAutoscaler", "autoscaling/v2", "hpa"),
        new("poddisruptionbudgets", "PodDisruptionBudget", "policy/v1", "pdb"),
        new("ingresses", "Ingress", "networking.k8s.io/v1", "ing"),
        new("ingressclasses", "IngressClass", "networking.k8s.io/v1"),
        new("networkpolicies", "NetworkPolicy", "networking.k8s.io/v1", "netpol"),
        new("endpointslices", "EndpointSlice", "discovery.k8s.io/v1"),
        new("roles", "Role", "rbac.authorization.k8s.io/v1"),
        new("rolebindings", "RoleBinding", "rbac.authorization.k8s.io/v1"),
        new("clusterroles", "ClusterRole", "rbac.authorization.k8s.io/v1"),
        new("clusterrolebindings", "ClusterRoleBinding", "rbac.authorization.k8s.io/v1"),
        new("storageclasses", "StorageClass", "storage.k8s.io/v1", "sc"),
        new("csidrivers", "CSIDriver", "storage.k8s.io/v1"),
        new("csinodes", "CSINode", "storage.k8s.io/v1"),
        new("volumeattachments", "VolumeAttachment", "storage.k8s.io/v1"),
        new("priorityclasses", "PriorityClass", "scheduling.k8s.io/v1", "pc"),
        new("leases", "Lease", "coordination.k8s.io/v1"),
        new("customresourcedefinitions", "CustomResourceDefinition", "apiextensions.k8s.io/v1", "crd", "crds"),
        new("apiservices", "APIService", "apiregistration.k8s.io/v1"),
        new("mutatingwebhookconfigurations", "MutatingWebhookConfiguration", "admissionregistration.k8s.io/v1"),
        new("validatingwebhookconfigurations", "ValidatingWebhookConfiguration", "admissionregistration.k8s.io/v1"),
        new("certificatesigningrequests", "CertificateSigningRequest", "certificates.k8s.io/v1", "csr"),
    ];

    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        Complete(wordToComplete)
            .Select(completion => new CompletionResult(completion.CompletionText, completion.CompletionText, CompletionResultType.ParameterValue, completion.ToolTip))
            .ToList();

    /// <summary>
    /// The completions of <paramref name="wordToComplete"/> (perhaps already quoted): plural names
    /// first, then the category, each offered once even when its kind and short name both match.
    /// </summary>
    internal static IReadOnlyList<ResourceKindCompletion> Complete(string? wordToComplete)
    {
        var typed = (wordToComplete ?? "").TrimStart('\'', '"');
        var types = BuiltIn
            .Where(type => type.Names.Any(name => name.StartsWith(typed, StringComparison.OrdinalIgnoreCase)))
            .Select(type => new ResourceKindCompletion(type.Plural, type.ToolTip));
        var category = "all".StartsWith(typed, StringComparison.OrdinalIgnoreCase)
            ? [new ResourceKindCompletion("all", "Every type in the 'all' category, as kubectl get all: pods, services, deployments, replica sets, stateful sets, daemon sets, jobs, cron jobs…")]
            : Array.Empty<ResourceKindCompletion>();
        return types.Concat(category).ToList();
    }

    private sealed record BuiltInResource(string Plural, string Kind, string ApiVersion, params string[] ShortNames)
    {
        public IEnumerable<string> Names => ShortNames.Prepend(Kind).Prepend(Plural);

        public string ToolTip => ShortNames.Length == 0
            ? $"{Kind} ({ApiVersion})"
            : $"{Kind} ({ApiVersion}), short name {string.Join(", ", ShortNames)}";
    }
}

/// <summary>One completion of -Kind: the name inserted and the tooltip.</summary>
internal sealed record ResourceKindCompletion(string CompletionText, string ToolTip);
