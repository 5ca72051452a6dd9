using KubeFleet.Engine.Insight.Relations;
using KubeFleet.Engine.Search.Query;
using KubeFleet.Engine.Tests.Search.Query;

namespace KubeFleet.Engine.Tests.Insight.Relations;

/// <summary>
/// One cluster's objects, with a twin namespace (shop-b) whose objects have the same names, so
/// relations that leak across namespaces show.
/// </summary>
internal sealed class RelationCluster
{
    private readonly List<ObjectRow> objects = [];

    public RelationCluster Add(string json)
    {
        objects.Add(new ObjectRow("demo", json));
        return this;
    }

    public ObjectRow this[string kind, string name, string? @namespace = "shop"] =>
        objects.Single(row => row.Kind == kind && row.Name == name && row.Namespace == @namespace);

    /// <summary>What the relation rules find for a resource, as the server would answer each read from these objects.</summary>
    public IReadOnlyList<RelatedResource<ObjectRow>> Relate(IQueryRow source, RelationFilter? filter = null) =>
        RelationRules.Relate(source, read => objects.Where(read.Covers), filter);

    /// <summary>"Relation Direction Kind namespace/name" for each related resource, in output order.</summary>
    public string[] Describe(IQueryRow source, RelationFilter? filter = null) =>
        Relate(source, filter).Select(related => $"{related.Relation} {related.Direction} {related.Resource.Kind} {related.Resource.Namespace}/{related.Resource.Name}").ToArray();

    public static RelationCluster Shop()
    {
        var cluster = new RelationCluster();
        foreach (var ns in new[] { "shop", "shop-b" })
        {
            cluster
                .Add($$"""{ "apiVersion": "apps/v1", "kind": "Deployment", "metadata": { "name": "web", "namespace": "{{ns}}", "uid": "{{ns}}-deploy" }, "spec": { "selector": { "matchLabels": { "app": "web" } } } }""")
                .Add($$"""{ "apiVersion": "apps/v1", "kind": "ReplicaSet", "metadata": { "name": "web-5d8f", "namespace": "{{ns}}", "uid": "{{ns}}-rs", "labels": { "app": "web" }, "ownerReferences": [ { "apiVersion": "apps/v1", "kind": "Deployment", "name": "web", "uid": "{{ns}}-deploy", "controller": true } ] } }""")
                .Add(WebPod(ns, "web-5d8f-a", "node-1"))
                .Add(WebPod(ns, "web-5d8f-b", "node-2"))
                .Add($$"""{ "apiVersion": "v1", "kind": "Pod", "metadata": { "name": "batch", "namespace": "{{ns}}", "uid": "{{ns}}-batch", "labels": { "app": "batch" } }, "spec": { "nodeName": "node-1", "containers": [ { "name": "batch", "image": "batch:1" } ] } }""")
                .Add($$"""{ "apiVersion": "v1", "kind": "Service", "metadata": { "name": "web", "namespace": "{{ns}}", "uid": "{{ns}}-svc" }, "spec": { "selector": { "app": "web" } } }""")
                .Add($$"""{ "apiVersion": "v1", "kind": "Service", "metadata": { "name": "external", "namespace": "{{ns}}", "uid": "{{ns}}-ext" }, "spec": { "type": "ExternalName", "externalName": "db.example.com" } }""")
                .Add($$"""{ "apiVersion": "policy/v1", "kind": "PodDisruptionBudget", "metadata": { "name": "web", "namespace": "{{ns}}", "uid": "{{ns}}-pdb" }, "spec": { "minAvailable": 1, "selector": { "matchLabels": { "app": "web" }, "matchExpressions": [ { "key": "tier", "operator": "NotIn", "values": [ "canary" ] } ] } } }""")
                .Add($$"""{ "apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy", "metadata": { "name": "default-deny", "namespace": "{{ns}}", "uid": "{{ns}}-netpol" }, "spec": { "podSelector": {}, "policyTypes": [ "Ingress" ] } }""")
                .Add($$"""{ "apiVersion": "v1", "kind": "Secret", "metadata": { "name": "tls", "namespace": "{{ns}}", "uid": "{{ns}}-tls" }, "type": "kubernetes.io/tls" }""")
                .Add($$"""{ "apiVersion": "v1", "kind": "Secret", "metadata": { "name": "registry", "namespace": "{{ns}}", "uid": "{{ns}}-registry" } }""")
                .Add($$"""{ "apiVersion": "v1", "kind": "Secret", "metadata": { "name": "db", "namespace": "{{ns}}", "uid": "{{ns}}-db" } }""")
                .Add($$"""{ "apiVersion": "v1", "kind": "Secret", "metadata": { "name": "unused", "namespace": "{{ns}}", "uid": "{{ns}}-unused" } }""")
                .Add($$"""{ "apiVersion": "v1", "kind": "ConfigMap", "metadata": { "name": "settings", "namespace": "{{ns}}", "uid": "{{ns}}-settings" } }""")
                .Add($$"""{ "apiVersion": "v1", "kind": "ConfigMap", "metadata": { "name": "env", "namespace": "{{ns}}", "uid": "{{ns}}-env" } }""")
                .Add($$"""{ "apiVersion": "v1", "kind": "ServiceAccount", "metadata": { "name": "web", "namespace": "{{ns}}", "uid": "{{ns}}-sa" } }""")
                .Add($$"""{ "apiVersion": "v1", "kind": "PersistentVolumeClaim", "metadata": { "name": "data", "namespace": "{{ns}}", "uid": "{{ns}}-data" }, "spec": { "volumeName": "pv-{{ns}}" } }""")
                .Add($$"""{ "apiVersion": "v1", "kind": "PersistentVolume", "metadata": { "name": "pv-{{ns}}", "uid": "pv-{{ns}}" }, "spec": { "claimRef": { "kind": "PersistentVolumeClaim", "namespace": "{{ns}}", "name": "data", "uid": "{{ns}}-data" } } }""");
        }
        return cluster
            .Add("""{ "apiVersion": "v1", "kind": "Node", "metadata": { "name": "node-1", "uid": "node-1" } }""")
            .Add("""{ "apiVersion": "v1", "kind": "Node", "metadata": { "name": "node-2", "uid": "node-2" } }""");
    }

    private static string WebPod(string ns, string name, string node) => $$"""
        { "apiVersion": "v1", "kind": "Pod",
          "metadata": { "name": "{{name}}", "namespace": "{{ns}}", "uid": "{{ns}}-{{name}}", "labels": { "app": "web" },
                        "ownerReferences": [ { "apiVersion": "apps/v1", "kind": "ReplicaSet", "name": "web-5d8f", "uid": "{{ns}}-rs", "controller": true } ] },
          "spec": {
            "nodeName": "{{node}}", "serviceAccountName": "web",
            "imagePullSecrets": [ { "name": "registry" } ],
            "volumes": [
              { "name": "tls", "secret": { "secretName": "tls" } },
              { "name": "settings", "configMap": { "name": "settings" } },
              { "name": "data", "persistentVolumeClaim": { "claimName": "data" } },
              { "name": "bundle", "projected": { "sources": [ { "secret": { "name": "tls" } }, { "configMap": { "name": "settings" } } ] } } ],
            "containers": [ {
              "name": "web", "image": "web:1",
              "env": [ { "name": "DB_PASSWORD", "valueFrom": { "secretKeyRef": { "name": "db", "key": "password" } } } ],
              "envFrom": [ { "configMapRef": { "name": "env" } } ] } ] } }
        """;
}
