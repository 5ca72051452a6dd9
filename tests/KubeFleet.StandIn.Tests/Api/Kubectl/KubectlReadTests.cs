using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KubeFleet.StandIn.Hosting;
using KubeFleet.StandIn.Tests.Data;
using KubeFleet.StandIn.Tests.Kubectl;

namespace KubeFleet.StandIn.Tests.Api.Kubectl;

/// <summary>The real kubectl reads a stand-in cluster, and prints exactly what the cluster holds.</summary>
[Collection(ApiFleetCollection.Name)]
public sealed partial class KubectlReadTests(ApiFleet fleet)
{
    private StandInCluster Cluster => fleet.WithCustomResources;

    private IReadOnlyList<JsonElement> Pods => Cluster.Data.ReadObjects("", "pods");

    [KubectlFact]
    public async Task GetPodsInAllNamespacesPrintsTheServersTable()
    {
        var result = await RunAsync(Cluster, "get", "pods", "-A");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["NAMESPACE", "NAME", "READY", "STATUS", "RESTARTS", "AGE"], Cells(result.StdoutLines[0]));
        var rows = result.StdoutLines.Skip(1).Select(Cells).ToArray();
        Assert.Equal(Pods.Count, rows.Length);
        for (var i = 0; i < rows.Length; i++)
        {
            var pod = Pods[i];
            var statuses = pod.GetProperty("status").TryGetProperty("containerStatuses", out var list) ? list.EnumerateArray().ToArray() : [];
            var ready = statuses.Count(c => c.GetProperty("ready").GetBoolean() && c.GetProperty("state").TryGetProperty("running", out _));
            Assert.Equal(SampleClusters.Namespace(pod), rows[i][0]);
            Assert.Equal(SampleClusters.Name(pod), rows[i][1]);
            Assert.Equal($"{ready}/{pod.GetProperty("spec").GetProperty("containers").GetArrayLength()}", rows[i][2]);
        }
    }

    [KubectlFact]
    public async Task GetPodsAsJsonPrintsEveryPodTheClusterHolds()
    {
        var result = await RunAsync(Cluster, "get", "pods", "-A", "-o", "json");
        var list = JsonNode.Parse(result.Stdout)!;

        Assert.Equal("List", list["kind"]!.GetValue<string>());
        var items = list["items"]!.AsArray();
        Assert.Equal(Pods.Count, items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i]!.AsObject();
            Assert.Equal("Pod", item["kind"]!.GetValue<string>());
            Assert.Equal("v1", item["apiVersion"]!.GetValue<string>());
            item.Remove("kind");
            item.Remove("apiVersion");

            // kubectl leaves managedFields out of its output unless asked for them.
            var held = JsonNode.Parse(Pods[i].GetRawText())!;
            held["metadata"]!.AsObject().Remove("managedFields");
            Assert.True(JsonNode.DeepEquals(held, item), $"kubectl printed {SampleClusters.Name(Pods[i])} differently from what the cluster holds");
        }
    }

    [KubectlFact]
    public async Task LabelSelectorsOfBothKindsSelectWhatTheClusterHolds()
    {
        var equality = await NamesAsync("-A", "-l", "app.kubernetes.io/component=frontend");
        var setBased = await NamesAsync("-A", "-l", "tier in (frontend,worker),!controller-revision-hash");

        var expectedEquality = Keys(Pods.Where(p => SampleClusters.Labels(p).GetValueOrDefault("app.kubernetes.io/component") == "frontend"));
        var expectedSetBased = Keys(Pods.Where(p => SampleClusters.Labels(p).GetValueOrDefault("tier") is "frontend" or "worker" && !SampleClusters.Labels(p).ContainsKey("controller-revision-hash")));
        Assert.NotEmpty(expectedEquality);
        Assert.NotEmpty(expectedSetBased);
        Assert.Equal(expectedEquality, equality);
        Assert.Equal(expectedSetBased, setBased);
    }

    [KubectlFact]
    public async Task FieldSelectorsFilterAndUnsupportedFieldsFailAsOnARealServer()
    {
        var node = Pods.First(p => p.GetProperty("spec").TryGetProperty("nodeName", out _)).GetProperty("spec").GetProperty("nodeName").GetString()!;
        var onNode = await NamesAsync("-A", "--field-selector", "spec.nodeName=" + node);
        var unsupported = await RunAsync(Cluster, "get", "pods", "-A", "--field-selector", "foo=bar");

        Assert.Equal(Keys(Pods.Where(p => p.GetProperty("spec").TryGetProperty("nodeName", out var n) && n.GetString() == node)), onNode);
        Assert.Equal(1, unsupported.ExitCode);
        Assert.Equal(
            "Error from server (BadRequest): Unable to find \"/v1, Resource=pods\" that match label selector \"\", field selector \"foo=bar\": field label not supported: foo\n",
            unsupported.Stderr);
    }

    [KubectlFact]
    public async Task AChunkedListIsTheUnchunkedList()
    {
        var chunked = await RunAsync(Cluster, "get", "pods", "-n", "shop", "--chunk-size=2", "-o", "json");
        var whole = await RunAsync(Cluster, "get", "pods", "-n", "shop", "--chunk-size=0", "-o", "json");

        Assert.True(JsonNode.Parse(chunked.Stdout)!["items"]!.AsArray().Count > 2, "the namespace should need several chunks");
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(whole.Stdout), JsonNode.Parse(chunked.Stdout)));
    }

    [KubectlFact]
    public async Task AStaleContinueTokenIsReportedAsExpired()
    {
        await using var own = await StandInFleet.StartAsync(new FleetOptions { ClusterCount = 1, PodsPerCluster = 60 });
        var cluster = own.Clusters[0];
        using var admin = ApiClient.AsAdmin(cluster);
        var first = await admin.GetJsonAsync("/api/v1/namespaces/shop/pods?limit=1");
        var token = first.GetProperty("metadata").GetProperty("continue").GetString()!;
        cluster.Data.Compact();

        var result = await RunAsync(cluster, "get", "--raw", $"/api/v1/namespaces/shop/pods?limit=1&continue={token}");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            "Error from server (Expired): The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.\n",
            result.Stderr);
    }

    [KubectlFact]
    public async Task GetFindsNamespacedClusterScopedAndCustomObjects()
    {
        var deployment = Cluster.Data.ReadObjects("apps", "deployments").First(d => SampleClusters.Namespace(d) == "shop");
        var certificate = Cluster.Data.ReadObjects("cert-manager.io", "certificates")[0];
        var node = SampleClusters.Name(Cluster.Data.ReadObjects("", "nodes")[0]);

        var namespaced = await RunAsync(Cluster, "get", "deploy", SampleClusters.Name(deployment), "-n", "shop");
        var clusterScoped = await RunAsync(Cluster, "get", "node", node);
        var identity = await RunAsync(Cluster, "get", "namespace", "kube-system", "-o", "jsonpath={.metadata.uid}");
        var custom = await RunAsync(Cluster, "get", "cert", SampleClusters.Name(certificate), "-n", SampleClusters.Namespace(certificate));
        var missing = await RunAsync(Cluster, "get", "deploy", "no-such-deployment", "-n", "shop");

        Assert.Equal(["NAME", "READY", "UP-TO-DATE", "AVAILABLE", "AGE"], Cells(namespaced.StdoutLines[0]));
        Assert.Equal(SampleClusters.Name(deployment), Cells(namespaced.StdoutLines[1])[0]);
        Assert.Equal(["NAME", "STATUS", "ROLES", "AGE", "VERSION"], Cells(clusterScoped.StdoutLines[0]));
        Assert.Equal(node, Cells(clusterScoped.StdoutLines[1])[0]);
        Assert.Equal(Cluster.Uid, identity.Stdout);
        Assert.Equal(["NAME", "READY", "SECRET", "AGE"], Cells(custom.StdoutLines[0]));
        Assert.Equal(certificate.GetProperty("spec").GetProperty("secretName").GetString(), Cells(custom.StdoutLines[1])[2]);
        Assert.Equal("Error from server (NotFound): deployments.apps \"no-such-deployment\" not found\n", missing.Stderr);
    }

    [KubectlFact]
    public async Task ApiResourcesListsTheCustomResourceOnlyWhereItIsServed()
    {
        var with = await RunAsync(fleet.WithCustomResources, "api-resources");
        var without = await RunAsync(fleet.WithoutCustomResources, "api-resources");

        Assert.Contains(with.StdoutLines, line => Cells(line) is ["certificates", "cert,certs", "cert-manager.io/v1", "true", "Certificate"]);
        Assert.DoesNotContain(without.StdoutLines, line => line.Contains("cert-manager.io", StringComparison.Ordinal));
        Assert.Contains(without.StdoutLines, line => Cells(line) is ["pods", "po", "v1", "true", "Pod"]);
    }

    [KubectlTheory(27, 29, 32)]
    [InlineData(27)]
    [InlineData(29)]
    [InlineData(32)]
    public async Task KubectlOfEachDiscoveryGenerationResolvesResources(int minor)
    {
        var kubectl = KubectlBinary.ForMinor(minor);
        var kubeconfig = fleet.AdminKubeconfig(Cluster);

        var deployments = await kubectl.RunAsync(kubeconfig, "get", "deploy", "-n", "shop");
        var certificates = await kubectl.RunAsync(kubeconfig, "get", "certs", "-A", "-o", "name");
        var resources = await kubectl.RunAsync(kubeconfig, "api-resources", "--no-headers");

        var shopDeployments = Cluster.Data.ReadObjects("apps", "deployments").Count(d => SampleClusters.Namespace(d) == "shop");
        Assert.Equal(shopDeployments + 1, deployments.StdoutLines.Count);
        Assert.Equal(Cluster.Data.ReadObjects("cert-manager.io", "certificates").Count, certificates.StdoutLines.Count);
        var preferred = Cluster.Data.Catalog.Select(t => (t.Group, t.Resource)).Distinct().Count();
        Assert.Equal(preferred, resources.StdoutLines.Count);
    }

    private Task<KubectlResult> RunAsync(StandInCluster cluster, params string[] arguments) =>
        KubectlBinary.ForMinor().RunAsync(fleet.AdminKubeconfig(cluster), arguments);

    private async Task<IReadOnlyList<string>> NamesAsync(params string[] selection)
    {
        var result = await RunAsync(Cluster, ["get", "pods", .. selection, "-o", "jsonpath={range .items[*]}{.metadata.namespace}/{.metadata.name}{\"\\n\"}{end}"]);
        Assert.Equal(0, result.ExitCode);
        return result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    private static IReadOnlyList<string> Keys(IEnumerable<JsonElement> items) =>
        items.Select(i => SampleClusters.Namespace(i) + "/" + SampleClusters.Name(i)).ToArray();

    /// <summary>The columns of a kubectl table line: separated by two or more spaces (a cell may hold one, e.g. "5 (2m ago)").</summary>
    private static string[] Cells(string line) => ColumnGap().Split(line.Trim());

    [GeneratedRegex(" {2,}")]
    private static partial Regex ColumnGap();
}
