using System.Text.Json;

namespace KubeFleet.StandIn.Api.Tables;

/// <summary>Tables of ingresses and pod disruption budgets, as <c>printers.go</c> prints them.</summary>
internal static class PolicyPrinters
{
    public static readonly TablePrinter Ingress = new(
        [
            Columns.Name,
            Columns.Text("Class", "The name of the IngressClass resource that should be used for additional configuration"),
            Columns.Text("Hosts", "Hosts that incoming requests are matched against before the ingress rule"),
            Columns.Text("Address", "Address is a list containing ingress points for the load-balancer"),
            Columns.Text("Ports", "Ports of TLS configurations that open"),
            Columns.Age,
        ],
        (item, now) =>
        {
            var rules = ObjectJson.Items(item, "spec", "rules").ToArray();
            var hosts = rules.Select(r => ObjectJson.Text(r, "host")).Where(h => h.Length > 0).Take(3).ToArray();
            var hostText = hosts.Length == 0 ? "*" : rules.Length > 3 ? $"{string.Join(",", hosts)} + {rules.Length - 3} more..." : string.Join(",", hosts);
            var addresses = ObjectJson.Items(item, "status", "loadBalancer", "ingress")
                .Select(i => ObjectJson.Text(i, "ip") is { Length: > 0 } ip ? ip : ObjectJson.Text(i, "hostname"))
                .Where(a => a.Length > 0)
                .Distinct()
                .Order(StringComparer.Ordinal);
            return
            [
                ObjectJson.Text(item, "metadata", "name"),
                ObjectJson.Text(item, "spec", "ingressClassName") is { Length: > 0 } className ? className : "<none>",
                hostText,
                string.Join(",", addresses),
                ObjectJson.Count(item, "spec", "tls") > 0 ? "80, 443" : "80",
                PrintFormat.Age(item, now),
            ];
        });

    public static readonly TablePrinter PodDisruptionBudget = new(
        [
            Columns.Name,
            Columns.Text("Min Available", "The minimum number of pods that must be available."),
            Columns.Text("Max Unavailable", "The maximum number of pods that may be unavailable."),
            Columns.Integer("Allowed Disruptions", "Calculated number of pods that may be disrupted at this time."),
            Columns.Age,
        ],
        (item, now) =>
        [
            ObjectJson.Text(item, "metadata", "name"),
            Bound(item, "minAvailable"),
            Bound(item, "maxUnavailable"),
            ObjectJson.Integer(item, "status", "disruptionsAllowed"),
            PrintFormat.Age(item, now),
        ]);

    private static string Bound(JsonElement budget, string field) =>
        ObjectJson.Find(budget, "spec", field) is { } value ? ObjectJson.IntOrString(value) : "N/A";
}
