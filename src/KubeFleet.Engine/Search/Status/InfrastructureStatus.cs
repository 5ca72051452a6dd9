using System.Text.Json;

namespace KubeFleet.Engine.Search.Status;

/// <summary>Nodes, namespaces, volumes, claims and services, as kubectl's STATUS or TYPE columns show them.</summary>
internal static class InfrastructureStatus
{
    /// <summary><c>Ready</c>, <c>NotReady</c> or <c>Unknown</c>, with <c>,SchedulingDisabled</c> for a cordoned node.</summary>
    public static string Node(JsonElement node)
    {
        var ready = StatusJson.Items(node, "status", "conditions").LastOrDefault(condition => StatusJson.Text(condition, "type") == "Ready");
        var state = ready.ValueKind != JsonValueKind.Object ? "Unknown"
            : StatusJson.Text(ready, "status") == "True" ? "Ready"
            : "NotReady";
        return StatusJson.Flag(node, "spec", "unschedulable") ? state + ",SchedulingDisabled" : state;
    }

    /// <summary>The phase: <c>Active</c>/<c>Terminating</c> namespaces, <c>Bound</c>/<c>Pending</c>/<c>Lost</c> claims and volumes.</summary>
    public static string Phase(JsonElement item) => StatusJson.Text(item, "status", "phase");

    /// <summary>The type and cluster IP, and a load balancer's external addresses or an external name.</summary>
    public static string Service(JsonElement service)
    {
        var type = StatusJson.Text(service, "spec", "type");
        if (type.Length == 0)
        {
            type = "ClusterIP";
        }

        if (type == "ExternalName")
        {
            return $"{type} {StatusJson.Text(service, "spec", "externalName")}";
        }

        var addresses = new List<string> { StatusJson.Text(service, "spec", "clusterIP") };
        addresses.AddRange(StatusJson.Items(service, "status", "loadBalancer", "ingress")
            .Select(ingress => StatusJson.Text(ingress, "ip") is { Length: > 0 } ip ? ip : StatusJson.Text(ingress, "hostname"))
            .Where(address => address.Length > 0));
        addresses.AddRange(StatusJson.Items(service, "spec", "externalIPs").Where(ip => ip.ValueKind == JsonValueKind.String).Select(ip => ip.GetString()!));
        return $"{type} {string.Join(", ", addresses.Where(address => address.Length > 0))}".TrimEnd();
    }
}
