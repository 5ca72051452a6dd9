using System.Text.Json;
using KubeFleet.StandIn.Data.Json;

namespace KubeFleet.StandIn.Data.Generation.Kinds;

internal sealed record ServicePortModel(string Name, int Port, string TargetPort, int? NodePort = null, string Protocol = "TCP");

/// <summary>A Service; <see cref="ClusterIp"/> is <c>None</c> for a headless one.</summary>
internal sealed record ServiceModel
{
    public required ObjectMeta Meta { get; init; }

    public required string Type { get; init; }

    public required string ClusterIp { get; init; }

    public required IReadOnlyList<ServicePortModel> Ports { get; init; }

    /// <summary>Empty for services without a selector (their endpoints are managed by hand).</summary>
    public IReadOnlyDictionary<string, string> Selector { get; init; } = new Dictionary<string, string>();

    /// <summary>The load balancer's address, for type LoadBalancer once provisioned.</summary>
    public string? LoadBalancerHostname { get; init; }

    public string? LoadBalancerIp { get; init; }
}

internal static class ServiceWriter
{
    public static void Write(Utf8JsonWriter writer, ServiceModel service, string resourceVersion)
    {
        writer.WriteStartObject();
        service.Meta.Write(writer, resourceVersion);
        writer.WriteStartObject("spec");
        writer.WriteStartArray("ports");
        foreach (var port in service.Ports)
        {
            writer.WriteStartObject();
            writer.WriteString("name", port.Name);
            writer.WriteString("protocol", port.Protocol);
            writer.WriteNumber("port", port.Port);
            if (int.TryParse(port.TargetPort, out var targetNumber))
            {
                writer.WriteNumber("targetPort", targetNumber);
            }
            else
            {
                writer.WriteString("targetPort", port.TargetPort);
            }

            if (port.NodePort is { } nodePort)
            {
                writer.WriteNumber("nodePort", nodePort);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStringMapIfAny("selector", service.Selector);
        writer.WriteString("clusterIP", service.ClusterIp);
        writer.WriteStringArray("clusterIPs", [service.ClusterIp]);
        writer.WriteString("type", service.Type);
        writer.WriteString("sessionAffinity", "None");
        if (service.Type == "LoadBalancer" || service.Type == "NodePort")
        {
            writer.WriteString("externalTrafficPolicy", "Cluster");
        }

        writer.WriteStringArray("ipFamilies", ["IPv4"]);
        writer.WriteString("ipFamilyPolicy", "SingleStack");
        if (service.Type == "LoadBalancer")
        {
            writer.WriteBoolean("allocateLoadBalancerNodePorts", true);
        }

        writer.WriteString("internalTrafficPolicy", "Cluster");
        writer.WriteEndObject();
        writer.WriteStartObject("status");
        writer.WriteStartObject("loadBalancer");
        if (service.LoadBalancerHostname is not null || service.LoadBalancerIp is not null)
        {
            writer.WriteStartArray("ingress");
            writer.WriteStartObject();
            writer.WriteStringIfAny("ip", service.LoadBalancerIp);
            writer.WriteStringIfAny("hostname", service.LoadBalancerHostname);
            writer.WriteEndObject();
            writer.WriteEndArray();
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
