using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using KubeFleet.Engine.Search.Query;

namespace KubeFleet.Engine.Tests.Search.Query;

/// <summary>A resource read from a cluster, as the search engine hands it to a query.</summary>
internal sealed class ObjectRow(string cluster, string json) : IQueryRow
{
    private readonly JsonElement item = JsonDocument.Parse(json).RootElement.Clone();

    public string Cluster => cluster;
    public string ApiVersion => item.GetProperty("apiVersion").GetString()!;
    public string Kind => item.GetProperty("kind").GetString()!;
    public string? Namespace => Metadata.TryGetProperty("namespace", out var value) ? value.GetString() : null;
    public string Name => Metadata.GetProperty("name").GetString()!;
    public string? ResourceVersion => Metadata.TryGetProperty("resourceVersion", out var value) ? value.GetString() : null;
    public DateTimeOffset? CreationTimestamp => Time("creationTimestamp");
    public DateTimeOffset? DeletionTimestamp => Time("deletionTimestamp");
    public JsonElement Object => item;
    public ReadOnlyMemory<byte> Json { get; } = System.Text.Encoding.UTF8.GetBytes(json);

    /// <summary>cluster/kind/name, to name rows in assertions.</summary>
    public string Id => $"{Cluster}/{Kind}/{Name}";

    private JsonElement Metadata => item.GetProperty("metadata");

    public bool TryGetLabel(string key, [NotNullWhen(true)] out string? value) => TryGetString("labels", key, out value);

    public bool TryGetAnnotation(string key, [NotNullWhen(true)] out string? value) => TryGetString("annotations", key, out value);

    private bool TryGetString(string map, string key, [NotNullWhen(true)] out string? value)
    {
        value = Metadata.TryGetProperty(map, out var entries) && entries.TryGetProperty(key, out var entry) ? entry.GetString() : null;
        return value is not null;
    }

    private DateTimeOffset? Time(string field) =>
        Metadata.TryGetProperty(field, out var value) ? DateTimeOffset.Parse(value.GetString()!, System.Globalization.CultureInfo.InvariantCulture) : null;
}

/// <summary>A small fleet: two clusters with namespaces, pods, services, deployments, a node and a config map.</summary>
internal static class QueryRows
{
    public static readonly IReadOnlyList<ObjectRow> Fleet =
    [
        new("demo", """
            { "apiVersion": "v1", "kind": "Namespace",
              "metadata": { "name": "apple", "resourceVersion": "101", "creationTimestamp": "2023-06-01T08:00:00Z",
                            "labels": { "key1": "value1", "kubernetes.io/metadata.name": "apple" } } }
            """),
        new("demo", """
            { "apiVersion": "v1", "kind": "Namespace",
              "metadata": { "name": "banana", "resourceVersion": "102", "creationTimestamp": "2023-06-02T08:00:00Z",
                            "labels": { "kubernetes.io/metadata.name": "banana" } } }
            """),
        new("demo", """
            { "apiVersion": "v1", "kind": "Pod",
              "metadata": { "name": "web-1", "namespace": "apple", "resourceVersion": "203", "creationTimestamp": "2024-03-01T09:00:00Z",
                            "labels": { "app": "web", "key1": "value1", "app.kubernetes.io/name": "web" },
                            "annotations": { "key1": "value1" },
                            "ownerReferences": [ { "apiVersion": "apps/v1", "kind": "ReplicaSet", "name": "web-7d9c", "controller": true } ] },
              "spec": { "nodeName": "node-1", "hostNetwork": false,
                        "containers": [ { "name": "web", "image": "nginx:latest", "ports": [ { "containerPort": 8080 } ] },
                                        { "name": "proxy", "image": "envoy:1.29", "ports": [ { "containerPort": 9901 } ] } ] },
              "status": { "phase": "Running", "restartCount": 0 } }
            """),
        new("prod", """
            { "apiVersion": "v1", "kind": "Pod",
              "metadata": { "name": "api-1", "namespace": "banana", "resourceVersion": "7", "creationTimestamp": "2024-02-10T09:00:00Z",
                            "deletionTimestamp": "2024-05-01T00:00:00Z", "labels": { "app": "api", "tier": "back" },
                            "ownerReferences": [ { "apiVersion": "apps/v1", "kind": "ReplicaSet", "name": "api-55f", "controller": true },
                                                 { "apiVersion": "v1", "kind": "ConfigMap", "name": "fruit" } ] },
              "spec": { "nodeName": "node-1", "containers": [ { "name": "api", "image": "registry.example.com/api:2.0" } ] },
              "status": { "phase": "Pending" } }
            """),
        new("demo", """
            { "apiVersion": "v1", "kind": "Service",
              "metadata": { "name": "web", "namespace": "apple", "resourceVersion": "301", "creationTimestamp": "2023-12-01T00:00:00Z",
                            "labels": { "app": "web" } },
              "spec": { "type": "ClusterIP", "ports": [ { "port": 80 } ] } }
            """),
        new("prod", """
            { "apiVersion": "v1", "kind": "Service",
              "metadata": { "name": "api", "namespace": "appliance", "resourceVersion": "302", "creationTimestamp": "2024-01-15T00:00:00Z" },
              "spec": { "type": "LoadBalancer", "ports": [ { "port": 443 } ] } }
            """),
        new("demo", """
            { "apiVersion": "apps/v1", "kind": "Deployment",
              "metadata": { "name": "web", "namespace": "apple", "resourceVersion": "401", "creationTimestamp": "2023-11-01T10:00:00Z",
                            "labels": { "app": "web" } },
              "spec": { "replicas": 3, "paused": false } }
            """),
        new("prod", """
            { "apiVersion": "apps/v1", "kind": "Deployment",
              "metadata": { "name": "api", "namespace": "banana", "resourceVersion": "402", "creationTimestamp": "2024-02-01T00:00:00Z",
                            "labels": { "app": "api" } },
              "spec": { "replicas": 12 } }
            """),
        new("prod", """
            { "apiVersion": "v1", "kind": "Node",
              "metadata": { "name": "node-1", "resourceVersion": "501", "creationTimestamp": "2023-01-01T00:00:00Z",
                            "labels": { "kubernetes.io/os": "linux", "replicas": "03" } },
              "spec": { "unschedulable": true } }
            """),
        new("prod", """
            { "apiVersion": "v1", "kind": "ConfigMap",
              "metadata": { "name": "fruit", "namespace": "bananas", "resourceVersion": "601", "creationTimestamp": "2024-06-01T00:00:00Z" },
              "data": { "note": "I like Apple pie with apple slices" } }
            """),
    ];

    /// <summary>The ids of the rows a query selects, in fleet order.</summary>
    public static string[] Select(string query)
    {
        var parsed = SearchQuery.Parse(query);
        return Fleet.Where(parsed.Matches).Select(row => row.Id).ToArray();
    }
}
