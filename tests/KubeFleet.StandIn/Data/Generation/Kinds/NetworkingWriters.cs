using System.Text.Json;
using KubeFleet.StandIn.Data.Json;

namespace KubeFleet.StandIn.Data.Generation.Kinds;

/// <summary>An Ingress routing one host to one service, with TLS from a secret (cert-manager's when installed).</summary>
internal sealed record IngressModel(ObjectMeta Meta, string ClassName, string Host, string ServiceName, string ServicePortName, string TlsSecret, string LoadBalancerAddress);

/// <summary>A PodDisruptionBudget over a workload's pods; exactly one of the two bounds is set.</summary>
internal sealed record DisruptionBudgetModel(ObjectMeta Meta, IReadOnlyDictionary<string, string> Selector, int? MinAvailable, int? MaxUnavailable, int Healthy, int Expected);

/// <summary>Ingresses (networking.k8s.io/v1) and PodDisruptionBudgets (policy/v1).</summary>
internal static class NetworkingWriters
{
    public static void WriteIngress(Utf8JsonWriter writer, IngressModel ingress, string resourceVersion)
    {
        writer.WriteStartObject();
        ingress.Meta.Write(writer, resourceVersion);
        writer.WriteStartObject("spec");
        writer.WriteString("ingressClassName", ingress.ClassName);
        writer.WriteStartArray("tls");
        writer.WriteStartObject();
        writer.WriteStringArray("hosts", [ingress.Host]);
        writer.WriteString("secretName", ingress.TlsSecret);
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteStartArray("rules");
        writer.WriteStartObject();
        writer.WriteString("host", ingress.Host);
        writer.WriteStartObject("http");
        writer.WriteStartArray("paths");
        writer.WriteStartObject();
        writer.WriteString("path", "/");
        writer.WriteString("pathType", "Prefix");
        writer.WriteStartObject("backend");
        writer.WriteStartObject("service");
        writer.WriteString("name", ingress.ServiceName);
        writer.WriteStartObject("port");
        writer.WriteString("name", ingress.ServicePortName);
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteStartObject("status");
        writer.WriteStartObject("loadBalancer");
        writer.WriteStartArray("ingress");
        writer.WriteStartObject();
        writer.WriteString(char.IsDigit(ingress.LoadBalancerAddress[0]) ? "ip" : "hostname", ingress.LoadBalancerAddress);
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    public static void WriteDisruptionBudget(Utf8JsonWriter writer, DisruptionBudgetModel budget, string resourceVersion)
    {
        writer.WriteStartObject();
        budget.Meta.Write(writer, resourceVersion);
        writer.WriteStartObject("spec");
        if (budget.MinAvailable is { } minAvailable)
        {
            writer.WriteNumber("minAvailable", minAvailable);
        }

        AppsWriters.WriteSelector(writer, budget.Selector);
        if (budget.MaxUnavailable is { } maxUnavailable)
        {
            writer.WriteNumber("maxUnavailable", maxUnavailable);
        }

        writer.WriteEndObject();
        var desired = budget.MinAvailable ?? Math.Max(0, budget.Expected - budget.MaxUnavailable!.Value);
        var allowed = Math.Max(0, budget.Healthy - desired);
        writer.WriteStartObject("status");
        writer.WriteNumber("observedGeneration", budget.Meta.Generation ?? 1);
        writer.WriteNumber("disruptionsAllowed", allowed);
        writer.WriteNumber("currentHealthy", budget.Healthy);
        writer.WriteNumber("desiredHealthy", desired);
        writer.WriteNumber("expectedPods", budget.Expected);
        writer.WriteStartArray("conditions");
        writer.WriteStartObject();
        writer.WriteString("type", "DisruptionAllowed");
        writer.WriteString("status", allowed > 0 ? "True" : "False");
        writer.WriteNumber("observedGeneration", budget.Meta.Generation ?? 1);
        writer.WriteTime("lastTransitionTime", budget.Meta.Created);
        writer.WriteString("reason", allowed > 0 ? "SufficientPods" : "InsufficientPods");
        writer.WriteString("message", "");
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
