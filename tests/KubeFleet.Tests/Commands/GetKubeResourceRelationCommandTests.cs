using System.Text.Json;
using KubeFleet.Commands;

namespace KubeFleet.Tests.Commands;

/// <summary>
/// Get-KubeResourceRelation on resources piped from Search-KubeResource: each edge rule gives what
/// the stand-in's data says it must, filters narrow it, related resources pipe on; and
/// Test-KubeResource audits exactly what is piped to it.
/// </summary>
[Collection(SearchKubeResourceReadCollection.Name)]
public sealed class GetKubeResourceRelationCommandTests(SearchKubeResourceReadFleet fleet)
{
    [Fact]
    public void Every_relation_and_direction_of_the_engine_has_one_users_see()
    {
        Assert.Equal(Enum.GetNames<KubeFleet.Engine.Insight.Relations.ResourceRelation>(), Enum.GetNames<KubeRelationType>());
        Assert.Equal(Enum.GetNames<KubeFleet.Engine.Insight.Relations.RelationDirection>(), Enum.GetNames<KubeRelationDirection>());
    }

    [Fact]
    public void A_deployment_owns_the_replica_sets_that_name_it_as_owner()
    {
        var deployment = Found("deployments").First();

        var relations = Relations(deployment);

        var expected = Objects("apps", "replicasets", deployment.Cluster)
            .Where(rs => OwnerUids(rs).Contains(deployment.Uid))
            .Select(rs => Text(rs, "metadata", "name")).Order().ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, relations.Where(r => r.Relation == KubeRelationType.Owns).Select(r => r.Related.Name).Order());
        Assert.All(relations.Where(r => r.Relation == KubeRelationType.Owns), r => Assert.Equal((KubeRelationDirection.Down, "ReplicaSet"), (r.Direction, r.Related.Kind)));
    }

    [Fact]
    public void A_pod_has_its_owner_its_node_and_what_it_uses()
    {
        var pod = Found("pods").First(p => p.OwnerReferences.Count > 0);
        var data = Objects("", "pods", pod.Cluster).Single(p => Text(p, "metadata", "uid") == pod.Uid);

        var relations = Relations(pod);

        Assert.Equal(pod.OwnerReferences.Select(o => o.Name), relations.Where(r => r.Relation == KubeRelationType.Owner).Select(r => r.Related.Name));
        Assert.Equal([Text(data, "spec", "nodeName")], relations.Where(r => r.Relation == KubeRelationType.RunsOn).Select(r => r.Related.Name));
        Assert.All(relations, r => Assert.Equal(r.Relation is KubeRelationType.Owner or KubeRelationType.SelectedBy ? KubeRelationDirection.Up : KubeRelationDirection.Down, r.Direction));
        Assert.Equal(
            Text(data, "spec", "serviceAccountName") is { Length: > 0 } account ? [account] : ["default"],
            relations.Where(r => r.Relation == KubeRelationType.Uses && r.Related.Kind == "ServiceAccount").Select(r => r.Related.Name));
    }

    [Fact]
    public void A_service_selects_the_pods_its_selector_matches_in_its_namespace()
    {
        var service = Found("services").First(s => s.Object["spec"] is System.Collections.Specialized.OrderedDictionary spec && spec["selector"] is not null);
        var selector = ((System.Collections.Specialized.OrderedDictionary)((System.Collections.Specialized.OrderedDictionary)service.Object["spec"]!)["selector"]!)
            .Cast<System.Collections.DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);

        var relations = Relations(service);

        var expected = Objects("", "pods", service.Cluster)
            .Where(p => Text(p, "metadata", "namespace") == service.Namespace && selector.All(label => Text(p, "metadata", "labels", label.Key) == label.Value))
            .Select(p => Text(p, "metadata", "name")).Order().ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, relations.Where(r => r.Relation == KubeRelationType.Selects).Select(r => r.Related.Name).Order());
    }

    [Fact]
    public void Relation_and_direction_narrow_what_is_found()
    {
        var pod = Found("pods").First(p => p.OwnerReferences.Count > 0);

        var up = fleet.Bed.Harness<GetKubeResourceRelationCommand>().WithPipelineInput(pod).With("Direction", "Up").Invoke().OutputOf<KubeResourceRelation>();
        var runsOn = fleet.Bed.Harness<GetKubeResourceRelationCommand>().WithPipelineInput(pod).With("Relation", new[] { "RunsOn" }).Invoke().OutputOf<KubeResourceRelation>();

        Assert.NotEmpty(up);
        Assert.All(up, r => Assert.Equal(KubeRelationDirection.Up, r.Direction));
        Assert.Equal([KubeRelationType.RunsOn], runsOn.Select(r => r.Relation));
    }

    [Fact]
    public void Related_resources_pipe_on_from_a_deployment_down_to_its_pods()
    {
        var deployment = Found("deployments").First(d => !d.Status.EndsWith("/0", StringComparison.Ordinal));
        var replicaSets = Relations(deployment).Where(r => r.Relation == KubeRelationType.Owns).ToArray();

        var pods = fleet.Bed.Harness<GetKubeResourceRelationCommand>().WithPipelineInput(replicaSets).With("Relation", new[] { "Owns" }).Invoke();

        var expected = Objects("", "pods", deployment.Cluster)
            .Where(p => replicaSets.Any(rs => OwnerUids(p).Contains(rs.Related.Uid)))
            .Select(p => Text(p, "metadata", "name")).Order().ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, pods.OutputOf<KubeResourceRelation>().Select(r => r.Related.Name).Order());
    }

    [Fact]
    public void A_resource_of_a_cluster_that_is_not_registered_is_an_error()
    {
        using var other = new KubeClusterTestBed();
        var pod = Found("pods").First();

        var run = other.Harness<GetKubeResourceRelationCommand>().WithPipelineInput(pod).Invoke();

        Assert.Equal(GetKubeResourceRelationCommand.NotFoundErrorId, Assert.Single(run.Errors).ErrorId);
        Assert.Empty(run.Output);
    }

    [Fact]
    public void Test_KubeResource_audits_exactly_the_resources_piped_to_it()
    {
        var pods = Found("pods").Take(7).ToArray();

        var run = fleet.Bed.Harness<TestKubeResourceCommand>().WithPipelineInput(pods).Invoke();
        var grouped = fleet.Bed.Harness<TestKubeResourceCommand>().WithPipelineInput(pods).With("GroupBy", "Cluster").Invoke();

        Assert.Empty(run.Errors);
        Assert.Equal(pods.Select(p => (p.Cluster, p.Name)), run.OutputOf<KubeAuditResult>().Select(r => (r.Cluster, r.Name)));
        var score = Assert.Single(grouped.OutputOf<KubeAuditScore>());
        Assert.Equal(7, score.Resources);
        Assert.Equal(run.OutputOf<KubeAuditResult>().Average(r => r.Score), score.Score, 6);
    }

    private List<KubeResource> Found(string kind) =>
        fleet.Search().With("Kind", kind).With("Cluster", fleet.Clusters[0].Name).Invoke().OutputOf<KubeResource>().ToList();

    private IReadOnlyList<KubeResourceRelation> Relations(KubeResource resource)
    {
        var run = fleet.Bed.Harness<GetKubeResourceRelationCommand>().WithPipelineInput(resource).Invoke();
        Assert.Null(run.TerminatingError);
        Assert.Empty(run.Errors);
        Assert.True(run.Progress[^1].Completed);
        return run.OutputOf<KubeResourceRelation>();
    }

    private IReadOnlyList<JsonElement> Objects(string group, string resource, string cluster) =>
        fleet.Clusters.Single(c => c.Name == cluster).Data.ReadObjects(group, resource);

    private static IEnumerable<string> OwnerUids(JsonElement item) =>
        item.GetProperty("metadata").TryGetProperty("ownerReferences", out var owners)
            ? owners.EnumerateArray().Select(owner => owner.GetProperty("uid").GetString()!)
            : [];

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
