using System.Collections.Concurrent;
using KubeFleet.StandIn.Data.Catalog;

namespace KubeFleet.StandIn.Api.Tables;

/// <summary>Which printer a resource's tables use: the kind's own, its CRD's columns, or the default Name and Created At.</summary>
internal static class TablePrinters
{
    /// <summary>The default convertor (<c>rest/table.go</c>): Name, and Created At as an RFC 3339 date.</summary>
    public static readonly TablePrinter Default = new(
        [Columns.Name, new TableColumn("Created At", "date", Columns.CreationTimestampDescription)],
        (item, _) => [ObjectJson.Text(item, "metadata", "name"), ObjectJson.Text(item, "metadata", "creationTimestamp")]);

    private static readonly Dictionary<(string Group, string Resource), TablePrinter> BuiltIn = new()
    {
        [("", "pods")] = PodPrinter.Printer,
        [("", "namespaces")] = CorePrinters.Namespace,
        [("", "nodes")] = CorePrinters.Node,
        [("", "services")] = CorePrinters.Service,
        [("", "configmaps")] = CorePrinters.ConfigMap,
        [("", "secrets")] = CorePrinters.Secret,
        [("", "serviceaccounts")] = CorePrinters.ServiceAccount,
        [("", "events")] = CorePrinters.Event,
        [("", "persistentvolumeclaims")] = CorePrinters.PersistentVolumeClaim,
        [("", "persistentvolumes")] = CorePrinters.PersistentVolume,
        [("apps", "deployments")] = WorkloadPrinters.Deployment,
        [("apps", "replicasets")] = WorkloadPrinters.ReplicaSet,
        [("apps", "statefulsets")] = WorkloadPrinters.StatefulSet,
        [("apps", "daemonsets")] = WorkloadPrinters.DaemonSet,
        [("batch", "jobs")] = WorkloadPrinters.Job,
        [("batch", "cronjobs")] = WorkloadPrinters.CronJob,
        [("networking.k8s.io", "ingresses")] = PolicyPrinters.Ingress,
        [("policy", "poddisruptionbudgets")] = PolicyPrinters.PodDisruptionBudget,
    };

    private static readonly ConcurrentDictionary<ResourceType, TablePrinter> Custom = new();

    public static TablePrinter For(ResourceType type) =>
        type.IsCustom ? Custom.GetOrAdd(type, CustomResourcePrinter.For) : BuiltIn.GetValueOrDefault((type.Group, type.Resource), Default);
}
