using System.Collections;
using System.Collections.Specialized;
using System.Management.Automation;
using System.Text.Json;
using KubeFleet.Commands;
using KubeFleet.StandIn.Hosting;
using KubeFleet.Tests.Harness;

namespace KubeFleet.Tests.Commands;

/// <summary>What a user sees of Search-KubeResource on a healthy fleet: the objects, their shape, paging, queries, errors of their own making.</summary>
[Collection(SearchKubeResourceReadCollection.Name)]
public sealed class SearchKubeResourceCommandTests(SearchKubeResourceReadFleet fleet)
{
    private StandInCluster First => fleet.Clusters[0];

    [Fact]
    public void A_pod_has_its_identity_metadata_status_and_whole_object()
    {
        var expected = fleet.Objects("", "pods").First(entry => entry.Cluster == First).Item;
        var name = Text(expected, "metadata", "name");

        var pod = Assert.Single(Results(fleet.Search().With("Kind", "Pod").With("Name", name).With("Cluster", First.Name)));

        Assert.Equal((First.Name, "Pod", "v1", Text(expected, "metadata", "namespace"), name, Text(expected, "metadata", "uid")), (pod.Cluster, pod.Kind, pod.ApiVersion, pod.Namespace, pod.Name, pod.Uid));
        Assert.Equal(DateTimeOffset.Parse(Text(expected, "metadata", "creationTimestamp"), System.Globalization.CultureInfo.InvariantCulture), pod.CreationTimestamp);
        Assert.Equal(expected.GetProperty("metadata").GetProperty("labels").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!), pod.Labels);
        Assert.NotEmpty(pod.OwnerReferences);
        Assert.NotEmpty(pod.Status);
        var spec = Assert.IsType<OrderedDictionary>(pod.Object["spec"]);
        var containers = Assert.IsAssignableFrom<IList>(spec["containers"]);
        Assert.Equal(expected.GetProperty("spec").GetProperty("containers").GetArrayLength(), containers.Count);
        Assert.Equal(Text(expected, "status", "phase"), ((OrderedDictionary)pod.Object["status"]!)["phase"]);
        Assert.Equal($"{First.Name}/Pod/{pod.Namespace}/{name}", pod.ToString());
    }

    [Fact]
    public void Clusters_piped_from_Get_KubeCluster_are_the_ones_searched()
    {
        var clusters = fleet.Bed.Harness<GetKubeClusterCommand>().With("Name", new[] { fleet.Clusters[0].Name, fleet.Clusters[2].Name }).Invoke().Output.ToArray();

        var found = Results(fleet.Search().With("Kind", "nodes").WithPipelineInput(clusters));

        Assert.Equal(
            fleet.Objects("", "nodes").Where(entry => entry.Cluster != fleet.Clusters[1]).Select(entry => (entry.Cluster.Name, Text(entry.Item, "metadata", "name"))).ToHashSet(),
            found.Select(node => (node.Cluster, node.Name)).ToHashSet());
    }

    [Fact]
    public void A_cluster_name_that_matches_nothing_is_an_error_and_the_others_are_searched()
    {
        var run = fleet.Search().With("Kind", "ns").With("Cluster", new[] { "cluster-0[13]", "nowhere" }).Invoke();

        var error = Assert.Single(run.Errors);
        Assert.Equal(SearchKubeResourceCommand.ClusterNotFoundErrorId, error.ErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.Category);
        Assert.Equal("nowhere", error.Target);
        Assert.Equal(new HashSet<string> { fleet.Clusters[0].Name, fleet.Clusters[2].Name }, run.OutputOf<KubeResource>().Select(r => r.Cluster).ToHashSet());
    }

    [Fact]
    public void First_and_Skip_take_a_window_of_an_ordered_query()
    {
        var query = "select * from resources where kind='Pod' order by creationTimestamp desc, name asc";
        var all = Results(fleet.Search().With("Query", query));

        var window = Results(fleet.Search().With("Query", query).With("Skip", 3).With("First", 4));

        Assert.Equal(all.Skip(3).Take(4).Select(FoundObject.Of), window.Select(FoundObject.Of));
        Assert.Equal(all.OrderByDescending(p => p.CreationTimestamp).ThenBy(p => p.Name, StringComparer.Ordinal).Select(p => (p.CreationTimestamp, p.Name)), all.Select(p => (p.CreationTimestamp, p.Name)));
    }

    [Fact]
    public void IncludeTotalCount_counts_every_match_while_writing_only_the_window()
    {
        var pods = fleet.Objects("", "pods").Count();

        var run = fleet.Search().With("Kind", "pods").With("First", 2).WithSwitch("IncludeTotalCount").Invoke();

        Assert.Equal(2, run.OutputOf<KubeResource>().Count);
        Assert.Equal(new TotalCount((ulong)pods, 1.0), run.TotalCount);
    }

    [Theory]
    [InlineData("kind='Namespace'")]
    [InlineData("kind!='Pod' and namespace='shop'")]
    [InlineData("kind in ('pod','service') and namespace like 'sho_'")]
    [InlineData("kind not in ('pod','service') and namespace not like 'kube%' and namespace != missing")]
    [InlineData("kind='Deployment' and creationTimestamp < '2099-01-01T18:00:00Z'")]
    [InlineData("kind='Pod' and status.phase != 'Running'")]
    [InlineData("kind='Deployment' and spec.replicas > 1")]
    public void A_query_finds_what_the_clusters_hold_and_nothing_else(string condition)
    {
        var found = Results(fleet.Search().With("Query", "select * from resources where " + condition));

        var expected = Expected(condition);
        var actual = found.Select(r => (r.Cluster, r.Kind, r.Namespace, r.Name)).ToList();
        Assert.NotEmpty(expected);
        Assert.Empty(expected.Except(actual));
        Assert.Empty(actual.Except(expected));
        Assert.Empty(found.GroupBy(r => (r.Cluster, r.Kind, r.Namespace, r.Name)).Where(twice => twice.Count() > 1).Select(twice => twice.Key));
    }

    [Theory]
    [InlineData("LabelSelector", "app in (web", "LabelSelectorInvalid")]
    [InlineData("FieldSelector", "status.phase", "FieldSelectorInvalid")]
    [InlineData("Query", "select * from resources where kind = ", "QueryInvalid")]
    public void A_malformed_filter_is_one_error_before_any_cluster_is_asked(string parameter, string value, string errorId)
    {
        var run = fleet.Search().With(parameter, value).Invoke();

        Assert.Equal(errorId, run.TerminatingError?.ErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, run.TerminatingError!.Category);
        Assert.Empty(run.Errors);
        Assert.Empty(run.Output);
        Assert.Empty(run.Progress);
    }

    [Fact]
    public void A_query_syntax_error_points_at_the_position()
    {
        var run = fleet.Search().With("Query", "select * from resources where kind = 'Pod' and and").Invoke();

        Assert.Contains("^", run.TerminatingError!.Message, StringComparison.Ordinal);
        Assert.Contains("expected", run.TerminatingError.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Secret_values_are_redacted_unless_asked_for()
    {
        var secret = fleet.Objects("", "secrets").First(entry => entry.Item.TryGetProperty("data", out var data) && data.EnumerateObject().Any());
        var (key, value) = secret.Item.GetProperty("data").EnumerateObject().Select(p => (p.Name, p.Value.GetString()!)).First();
        var name = Text(secret.Item, "metadata", "name");
        CmdletHarness<SearchKubeResourceCommand> SearchSecrets() =>
            fleet.Search().With("Kind", "secrets").With("Cluster", secret.Cluster.Name).With("Namespace", Text(secret.Item, "metadata", "namespace"));

        var redacted = SearchSecrets().Invoke();
        var revealed = Assert.Single(Results(SearchSecrets().With("Name", name).WithSwitch("IncludeSecretData")));

        Assert.DoesNotContain(value, string.Concat(redacted.OutputOf<KubeResource>().Select(r => r.ToJson())), StringComparison.Ordinal);
        Assert.DoesNotContain(redacted.OutputOf<KubeResource>(), r => JsonSerializer.Serialize(r.Object).Contains(value, StringComparison.Ordinal));
        Assert.Equal("REDACTED", ((OrderedDictionary)redacted.OutputOf<KubeResource>().Single(r => r.Name == name).Object["data"]!)[key]);
        Assert.Equal(value, ((OrderedDictionary)revealed.Object["data"]!)[key]);
    }

    [Fact]
    public void Progress_counts_the_clusters_and_completes()
    {
        var run = fleet.Search().With("Kind", "nodes").Invoke();

        Assert.True(run.Progress[^1].Completed);
        var steps = run.Progress.Where(p => p.Status.Contains("done: ", StringComparison.Ordinal)).ToList();
        Assert.Equal(fleet.Clusters.Select(c => c.Name).Order(), steps.Select(p => p.Status.Split("done: ")[1].Split(':')[0]).Order());
        Assert.Equal($"{fleet.Clusters.Count} of {fleet.Clusters.Count} done", run.Progress[^1].Status);
    }

    [Fact]
    public void A_kind_no_cluster_serves_is_an_error_that_names_it()
    {
        var run = fleet.Search().With("Kind", "gizmos").Invoke();

        var error = Assert.Single(run.Errors);
        Assert.Equal("ResourceTypeUnknown", error.ErrorId);
        Assert.Equal("gizmos", error.Target);
    }

    [Fact]
    public void An_empty_profile_warns_that_there_is_nothing_to_search()
    {
        using var bed = new KubeClusterTestBed();

        var run = bed.Harness<SearchKubeResourceCommand>().Invoke();

        Assert.Empty(run.Output);
        Assert.Contains(run.Warnings, warning => warning.Contains("Register-KubeCluster", StringComparison.Ordinal));
    }

    private static List<KubeResource> Results(CmdletHarness<SearchKubeResourceCommand> harness)
    {
        var run = harness.Invoke();
        Assert.Null(run.TerminatingError);
        Assert.Empty(run.Errors);
        return run.OutputOf<KubeResource>().ToList();
    }

    /// <summary>The test conditions, evaluated independently over the stand-in's data.</summary>
    private HashSet<(string Cluster, string Kind, string? Namespace, string Name)> Expected(string condition)
    {
        var rows = fleet.Clusters.SelectMany(cluster => cluster.Data.Catalog
            .Where(type => type.Supports("list"))
            .DistinctBy(type => (type.Group, type.Resource))
            .Where(type => NamesAKind(condition) || type.Categories.Contains("all"))
            .SelectMany(type => cluster.Data.ReadObjects(type.Group, type.Resource).Select(item => (Cluster: cluster.Name, Kind: type.Kind, Item: item))));
        Func<(string Cluster, string Kind, JsonElement Item), bool> predicate = condition switch
        {
            "kind='Namespace'" => row => row.Kind == "Namespace",
            "kind!='Pod' and namespace='shop'" => row => row.Kind != "Pod" && Namespace(row.Item) == "shop",
            "kind in ('pod','service') and namespace like 'sho_'" => row => row.Kind is "Pod" or "Service" && Namespace(row.Item) is { Length: 4 } ns && ns.StartsWith("sho", StringComparison.Ordinal),
            "kind not in ('pod','service') and namespace not like 'kube%' and namespace != missing" => row => row.Kind is not ("Pod" or "Service") && Namespace(row.Item) is { } ns && !ns.StartsWith("kube", StringComparison.Ordinal),
            "kind='Deployment' and creationTimestamp < '2099-01-01T18:00:00Z'" => row => row.Kind == "Deployment",
            "kind='Pod' and status.phase != 'Running'" => row => row.Kind == "Pod" && Text(row.Item, "status", "phase") != "Running",
            "kind='Deployment' and spec.replicas > 1" => row => row.Kind == "Deployment" && row.Item.GetProperty("spec").TryGetProperty("replicas", out var replicas) && replicas.GetInt32() > 1,
            _ => throw new ArgumentException(condition),
        };
        return rows.Where(predicate).Select(row => (row.Cluster, row.Kind, Namespace(row.Item), Text(row.Item, "metadata", "name"))).ToHashSet();
    }

    /// <summary>A query that names kinds searches those; otherwise the all category, as kubectl get all.</summary>
    private static bool NamesAKind(string condition) => condition.StartsWith("kind=", StringComparison.Ordinal) || condition.StartsWith("kind in", StringComparison.Ordinal);

    private static string? Namespace(JsonElement item) => Text(item, "metadata", "namespace") is { Length: > 0 } ns ? ns : null;

    private static string Text(JsonElement item, params string[] path)
    {
        foreach (var name in path)
        {
            if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty(name, out item))
            {
                return "";
            }
        }

        return item.ValueKind == JsonValueKind.String ? item.GetString()! : "";
    }
}
