using System.Text.Json.Nodes;
using KubeFleet.Engine.Tests.Search.Query;

namespace KubeFleet.Engine.Tests.Insight.Audit;

/// <summary>Pods and workloads for audit tests: a hardened pod that no built-in rule fires on, and ways to weaken it.</summary>
internal static class AuditObjects
{
    public const string HardenedPod = """
        { "apiVersion": "v1", "kind": "Pod",
          "metadata": { "name": "web-1", "namespace": "shop", "labels": { "app": "web" } },
          "spec": {
            "serviceAccountName": "web",
            "securityContext": { "runAsNonRoot": true, "seccompProfile": { "type": "RuntimeDefault" } },
            "volumes": [ { "name": "cache", "emptyDir": {} } ],
            "initContainers": [ {
              "name": "migrate", "image": "registry.example.com/shop/migrate:3.1",
              "securityContext": { "allowPrivilegeEscalation": false, "readOnlyRootFilesystem": true, "capabilities": { "drop": [ "ALL" ] } },
              "resources": { "limits": { "cpu": "200m", "memory": "64Mi" } } } ],
            "containers": [ {
              "name": "web", "image": "registry.example.com:5000/shop/web:1.4.2",
              "securityContext": { "allowPrivilegeEscalation": false, "readOnlyRootFilesystem": true, "capabilities": { "drop": [ "ALL" ] } },
              "resources": { "limits": { "cpu": "1", "memory": "256Mi" } },
              "volumeMounts": [ { "name": "cache", "mountPath": "/var/cache" } ] } ] },
          "status": { "phase": "Running" } }
        """;

    /// <summary>The hardened pod with a change applied to it.</summary>
    public static ObjectRow Pod(Action<JsonObject> change, string cluster = "demo")
    {
        var pod = JsonNode.Parse(HardenedPod)!.AsObject();
        change(pod);
        return new ObjectRow(cluster, pod.ToJsonString());
    }

    public static ObjectRow Hardened(string cluster = "demo") => Pod(_ => { }, cluster);

    /// <summary>A workload of the given kind whose pod template is the given pod's metadata and spec.</summary>
    public static ObjectRow Workload(string apiVersion, string kind, ObjectRow pod, Func<JsonObject, JsonObject>? wrapTemplate = null)
    {
        var source = JsonNode.Parse(pod.Object.GetRawText())!.AsObject();
        var template = new JsonObject { ["metadata"] = source["metadata"]!.DeepClone(), ["spec"] = source["spec"]!.DeepClone() };
        var spec = wrapTemplate?.Invoke(template) ?? new JsonObject { ["template"] = template };
        var workload = new JsonObject
        {
            ["apiVersion"] = apiVersion,
            ["kind"] = kind,
            ["metadata"] = new JsonObject { ["name"] = "web", ["namespace"] = "shop" },
            ["spec"] = spec,
        };
        return new ObjectRow(pod.Cluster, workload.ToJsonString());
    }

    public static JsonObject Spec(this JsonObject pod) => pod["spec"]!.AsObject();

    public static JsonObject Container(this JsonObject pod) => pod.Spec()["containers"]![0]!.AsObject();

    public static JsonObject SecurityContext(this JsonObject container) => container["securityContext"]!.AsObject();
}
