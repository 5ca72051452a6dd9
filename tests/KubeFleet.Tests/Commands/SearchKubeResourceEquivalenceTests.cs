using System.Text.Json;
using KubeFleet.StandIn.Hosting;
using KubeFleet.StandIn.Tests.Kubectl;
using KubeFleet.Tests.Harness;

namespace KubeFleet.Tests.Commands;

/// <summary>
/// For a spread of searches, the objects Search-KubeResource returns across the fleet are exactly
/// the union of what the real kubectl lists on each cluster: nothing missing, nothing extra,
/// nothing twice.
/// </summary>
[Collection(SearchKubeResourceReadCollection.Name)]
public sealed class SearchKubeResourceEquivalenceTests(SearchKubeResourceReadFleet fleet)
{
    // One line per object: namespace (empty for cluster-scoped objects), a tab, the name.
    private const string IdentityJsonPath = "{range .items[*]}{.metadata.namespace}{\"\\t\"}{.metadata.name}{\"\\n\"}{end}";

    [KubectlFact]
    public async Task Every_pod_of_every_cluster()
    {
        var found = Search(harness => harness.With("Kind", "pods"));

        await AssertSameAsKubectlAsync(found, "pods", "--all-namespaces");
    }

    [KubectlTheory]
    [InlineData("po")]
    [InlineData("deploy")]
    [InlineData("svc")]
    [InlineData("cronjobs.batch")]
    [InlineData("no")]
    [InlineData("ns")]
    [InlineData("pv")]
    public async Task A_kind_by_any_of_its_names_namespaced_or_cluster_scoped(string kind)
    {
        var found = Search(harness => harness.With("Kind", kind));

        await AssertSameAsKubectlAsync(found, kind, "--all-namespaces");
    }

    [KubectlFact]
    public async Task A_custom_resource_that_only_some_clusters_serve()
    {
        var run = fleet.Search().With("Kind", "certificates.cert-manager.io").Invoke();

        var found = Found(run);
        Assert.NotEmpty(found);
        Assert.DoesNotContain(found, item => item.Cluster == "cluster-02");
        Assert.Contains(run.Verbose, line => line.Contains("'cluster-02' does not serve", StringComparison.Ordinal));
        await AssertSameAsKubectlAsync(found, "certificates.cert-manager.io", "--all-namespaces");
    }

    [KubectlFact]
    public async Task Several_kinds_in_one_namespace_and_cluster_scoped_kinds_whole()
    {
        var found = Search(harness => harness.With("Kind", new[] { "pods", "services", "nodes" }).With("Namespace", "shop"));

        await AssertSameAsKubectlAsync(found, "pods,services,nodes", "--namespace", "shop");
    }

    [KubectlFact]
    public async Task An_equality_label_selector()
    {
        var selector = $"app.kubernetes.io/name={SomeAppName(1)}";

        var found = Search(harness => harness.With("Kind", new[] { "deployments", "pods" }).With("LabelSelector", selector));

        Assert.NotEmpty(found);
        await AssertSameAsKubectlAsync(found, "deployments,pods", "--all-namespaces", "--selector", selector);
    }

    [KubectlFact]
    public async Task A_set_based_label_selector()
    {
        var selector = $"app.kubernetes.io/name in ({SomeAppName(0)},{SomeAppName(2)},no-such-app),!pod-template-hash";

        var found = Search(harness => harness.With("Kind", "pods").With("LabelSelector", selector));

        await AssertSameAsKubectlAsync(found, "pods", "--all-namespaces", "--selector", selector);
    }

    [KubectlFact]
    public async Task A_field_selector()
    {
        var node = Text(fleet.Clusters[0].Data.ReadObjects("", "nodes")[0], "metadata", "name");
        var selector = $"status.phase=Running,spec.nodeName!={node}";

        var found = Search(harness => harness.With("Kind", "pods").With("FieldSelector", selector));

        Assert.NotEmpty(found);
        await AssertSameAsKubectlAsync(found, "pods", "--all-namespaces", "--field-selector", selector);
    }

    [KubectlFact]
    public async Task Name_wildcards_match_what_kubectl_lists_by_those_names()
    {
        var prefix = SomeAppName(0)[..3];

        var found = Search(harness => harness.With("Kind", new[] { "deploy", "po" }).With("Name", new[] { prefix.ToUpperInvariant() + "*", "*-0" }));

        // kubectl has no wildcards: its whole lists are filtered here, by plain string tests.
        var listed = await KubectlAsync("deployments,pods", "--all-namespaces");
        var expected = listed.Where(item => item.Name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) || item.Name.EndsWith("-0", StringComparison.Ordinal)).ToHashSet();
        Assert.NotEmpty(expected);
        AssertSame(expected, found);
    }

    private IReadOnlyList<FoundObject> Search(Func<CmdletHarness<KubeFleet.Commands.SearchKubeResourceCommand>, CmdletHarness<KubeFleet.Commands.SearchKubeResourceCommand>> arguments) =>
        Found(arguments(fleet.Search()).Invoke());

    private static IReadOnlyList<FoundObject> Found(CmdletRun run)
    {
        Assert.Null(run.TerminatingError);
        Assert.Empty(run.Errors);
        return run.OutputOf<KubeResource>().Select(FoundObject.Of).ToList();
    }

    private async Task AssertSameAsKubectlAsync(IReadOnlyList<FoundObject> found, params string[] getArguments) =>
        AssertSame(await KubectlAsync(getArguments), found);

    private static void AssertSame(IReadOnlySet<FoundObject> expected, IReadOnlyList<FoundObject> found)
    {
        Assert.Equal(found.Count, found.Distinct().Count());
        Assert.Empty(expected.Except(found));
        Assert.Empty(found.Except(expected));
    }

    /// <summary>What <c>kubectl get</c> lists on every cluster, each with its own admin kubeconfig, as one set.</summary>
    private async Task<HashSet<FoundObject>> KubectlAsync(params string[] getArguments)
    {
        var kubectl = KubectlBinary.ForMinor();
        var perCluster = await Task.WhenAll(fleet.Clusters.Select(async cluster =>
        {
            var result = await kubectl.RunAsync(fleet.KubeconfigOf(cluster), ["get", .. getArguments, "--output", "jsonpath=" + IdentityJsonPath]);
            return Listed(cluster, result);
        }));
        return perCluster.SelectMany(objects => objects).ToHashSet();
    }

    private static IEnumerable<FoundObject> Listed(StandInCluster cluster, KubectlResult result)
    {
        // kubectl refuses a type the cluster does not serve, as a search notes and skips it.
        if (result.ExitCode != 0 && result.Stderr.Contains("the server doesn't have a resource type", StringComparison.Ordinal))
        {
            return [];
        }

        Assert.True(result.ExitCode == 0, result.ToString());
        return result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line =>
        {
            var (namespaceName, name) = (line[..line.IndexOf('\t')], line[(line.IndexOf('\t') + 1)..]);
            return new FoundObject(cluster.Name, namespaceName.Length == 0 ? null : namespaceName, name);
        });
    }

    /// <summary>The app name of one of the first cluster's deployments.</summary>
    private string SomeAppName(int index) =>
        fleet.Clusters[0].Data.ReadObjects("apps", "deployments")
            .Select(deployment => Text(deployment, "metadata", "labels", "app.kubernetes.io/name"))
            .Where(name => name.Length > 0)
            .Distinct()
            .ElementAt(index);

    private static string Text(JsonElement item, params string[] path)
    {
        foreach (var name in path)
        {
            if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty(name, out item))
            {
                return "";
            }
        }

        return item.GetString() ?? "";
    }
}
