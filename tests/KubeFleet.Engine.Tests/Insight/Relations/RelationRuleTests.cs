using KubeFleet.Engine.Insight.Relations;

namespace KubeFleet.Engine.Tests.Insight.Relations;

/// <summary>Each of Karpor's edge rules, in both directions, over one cluster's objects.</summary>
public sealed class RelationRuleTests
{
    private readonly RelationCluster cluster = RelationCluster.Shop();

    [Fact]
    public void A_deployment_owns_its_replica_sets_but_not_their_pods()
    {
        Assert.Equal(["Owns Down ReplicaSet shop/web-5d8f"], cluster.Describe(cluster["Deployment", "web"]));
    }

    [Fact]
    public void A_replica_set_has_its_deployment_above_and_its_pods_below()
    {
        Assert.Equal(
            ["Owner Up Deployment shop/web", "Owns Down Pod shop/web-5d8f-a", "Owns Down Pod shop/web-5d8f-b"],
            cluster.Describe(cluster["ReplicaSet", "web-5d8f"]));
    }

    [Fact]
    public void A_pod_relates_to_its_owner_selectors_node_and_everything_its_spec_names()
    {
        Assert.Equal(
            [
                "Owner Up ReplicaSet shop/web-5d8f",
                "SelectedBy Up NetworkPolicy shop/default-deny",
                "SelectedBy Up PodDisruptionBudget shop/web",
                "SelectedBy Up Service shop/web",
                "RunsOn Down Node /node-1",
                "Uses Down ConfigMap shop/env",
                "Uses Down ConfigMap shop/settings",
                "Uses Down PersistentVolumeClaim shop/data",
                "Uses Down Secret shop/db",
                "Uses Down Secret shop/registry",
                "Uses Down Secret shop/tls",
                "Uses Down ServiceAccount shop/web",
            ],
            cluster.Describe(cluster["Pod", "web-5d8f-a"]));
    }

    [Fact]
    public void A_service_selects_the_pods_its_selector_matches_in_its_namespace()
    {
        Assert.Equal(["Selects Down Pod shop/web-5d8f-a", "Selects Down Pod shop/web-5d8f-b"], cluster.Describe(cluster["Service", "web"]));
    }

    [Fact]
    public void A_service_without_a_selector_selects_nothing()
    {
        Assert.Empty(cluster.Describe(cluster["Service", "external"]));
        Assert.DoesNotContain("SelectedBy Up Service shop/external", cluster.Describe(cluster["Pod", "batch"]));
    }

    [Fact]
    public void A_disruption_budget_selects_with_match_labels_and_match_expressions()
    {
        cluster.Add("""{ "apiVersion": "v1", "kind": "Pod", "metadata": { "name": "web-canary", "namespace": "shop", "labels": { "app": "web", "tier": "canary" } }, "spec": { "containers": [] } }""");

        Assert.Equal(["Selects Down Pod shop/web-5d8f-a", "Selects Down Pod shop/web-5d8f-b"], cluster.Describe(cluster["PodDisruptionBudget", "web"]));
        Assert.DoesNotContain("SelectedBy Up PodDisruptionBudget shop/web", cluster.Describe(cluster["Pod", "web-canary"]));
    }

    [Fact]
    public void An_empty_pod_selector_selects_every_pod_of_the_namespace()
    {
        Assert.Equal(
            ["Selects Down Pod shop/batch", "Selects Down Pod shop/web-5d8f-a", "Selects Down Pod shop/web-5d8f-b"],
            cluster.Describe(cluster["NetworkPolicy", "default-deny"]));
    }

    [Fact]
    public void A_budget_without_a_selector_selects_nothing()
    {
        cluster.Add("""{ "apiVersion": "policy/v1", "kind": "PodDisruptionBudget", "metadata": { "name": "none", "namespace": "shop" }, "spec": { "maxUnavailable": 1 } }""");

        Assert.Empty(cluster.Describe(cluster["PodDisruptionBudget", "none"]));
    }

    [Fact]
    public void A_node_hosts_the_pods_scheduled_on_it_in_every_namespace()
    {
        Assert.Equal(
            ["Hosts Up Pod shop/batch", "Hosts Up Pod shop/web-5d8f-a", "Hosts Up Pod shop-b/batch", "Hosts Up Pod shop-b/web-5d8f-a"],
            cluster.Describe(cluster["Node", "node-1", null]));
    }

    [Theory]
    [InlineData("Secret", "tls")]
    [InlineData("Secret", "registry")]
    [InlineData("Secret", "db")]
    [InlineData("ConfigMap", "settings")]
    [InlineData("ConfigMap", "env")]
    [InlineData("PersistentVolumeClaim", "data")]
    [InlineData("ServiceAccount", "web")]
    public void What_pods_use_is_used_by_those_pods_of_its_namespace(string kind, string name)
    {
        var related = cluster.Describe(cluster[kind, name]).Where(line => line.StartsWith("UsedBy", StringComparison.Ordinal));

        Assert.Equal(["UsedBy Up Pod shop/web-5d8f-a", "UsedBy Up Pod shop/web-5d8f-b"], related);
    }

    [Fact]
    public void An_unused_secret_has_no_relations()
    {
        Assert.Empty(cluster.Describe(cluster["Secret", "unused"]));
    }

    [Fact]
    public void A_claim_is_used_by_pods_and_bound_to_its_volume_which_is_claimed_by_it()
    {
        Assert.Equal(
            ["UsedBy Up Pod shop/web-5d8f-a", "UsedBy Up Pod shop/web-5d8f-b", "BoundTo Down PersistentVolume /pv-shop"],
            cluster.Describe(cluster["PersistentVolumeClaim", "data"]));
        Assert.Equal(["ClaimedBy Up PersistentVolumeClaim shop/data"], cluster.Describe(cluster["PersistentVolume", "pv-shop", null]));
    }

    [Fact]
    public void An_owner_reference_to_a_recreated_owner_is_not_followed_to_the_new_object()
    {
        cluster.Add("""
            { "apiVersion": "v1", "kind": "Pod",
              "metadata": { "name": "orphan", "namespace": "shop", "uid": "orphan",
                            "ownerReferences": [ { "apiVersion": "apps/v1", "kind": "ReplicaSet", "name": "web-5d8f", "uid": "deleted-rs" } ] },
              "spec": { "containers": [] } }
            """);

        Assert.Equal(["SelectedBy Up NetworkPolicy shop/default-deny"], cluster.Describe(cluster["Pod", "orphan"]));
        Assert.DoesNotContain("Owns Down Pod shop/orphan", cluster.Describe(cluster["ReplicaSet", "web-5d8f"]));
    }

    [Fact]
    public void A_custom_resource_owns_the_workloads_its_operator_made()
    {
        cluster
            .Add("""{ "apiVersion": "argoproj.io/v1alpha1", "kind": "Rollout", "metadata": { "name": "shop", "namespace": "shop", "uid": "rollout" } }""")
            .Add("""{ "apiVersion": "apps/v1", "kind": "ReplicaSet", "metadata": { "name": "shop-7c9", "namespace": "shop", "uid": "rollout-rs", "ownerReferences": [ { "apiVersion": "argoproj.io/v1alpha1", "kind": "Rollout", "name": "shop", "uid": "rollout" } ] } }""");

        Assert.Equal(["Owns Down ReplicaSet shop/shop-7c9"], cluster.Describe(cluster["Rollout", "shop"]));
        Assert.Equal(["Owner Up Rollout shop/shop"], cluster.Describe(cluster["ReplicaSet", "shop-7c9"]));
    }

    [Fact]
    public void A_pod_owns_and_uses_the_claims_of_its_ephemeral_volumes()
    {
        cluster
            .Add("""{ "apiVersion": "v1", "kind": "Pod", "metadata": { "name": "scratch", "namespace": "shop", "uid": "scratch" }, "spec": { "containers": [], "volumes": [ { "name": "work", "ephemeral": { "volumeClaimTemplate": { "spec": {} } } } ] } }""")
            .Add("""{ "apiVersion": "v1", "kind": "PersistentVolumeClaim", "metadata": { "name": "scratch-work", "namespace": "shop", "uid": "scratch-work", "ownerReferences": [ { "apiVersion": "v1", "kind": "Pod", "name": "scratch", "uid": "scratch", "controller": true } ] }, "spec": {} }""");

        Assert.Equal(
            ["SelectedBy Up NetworkPolicy shop/default-deny", "Owns Down PersistentVolumeClaim shop/scratch-work", "Uses Down PersistentVolumeClaim shop/scratch-work"],
            cluster.Describe(cluster["Pod", "scratch"]));
    }

    [Fact]
    public void Reads_narrow_on_the_server_by_name_label_and_node()
    {
        var podReads = RelationRules.ReadsFor(cluster["Pod", "web-5d8f-a"]).Select(read => read.ToString()).ToList();
        var serviceReads = RelationRules.ReadsFor(cluster["Service", "web"]).Select(read => read.ToString());
        var nodeReads = RelationRules.ReadsFor(cluster["Node", "node-1", null]).Select(read => read.ToString());

        Assert.Contains("Node --field-selector metadata.name=node-1", podReads);
        Assert.Contains("Secret in shop --field-selector metadata.name=tls", podReads);
        Assert.Single(podReads, read => read == "Secret in shop --field-selector metadata.name=tls");
        Assert.Contains("Pod in shop -l app=web", serviceReads);
        Assert.Equal(["Pod --field-selector spec.nodeName=node-1"], nodeReads);
    }

    [Fact]
    public void A_filter_keeps_only_the_relations_and_direction_asked_for_and_reads_nothing_else()
    {
        var pod = cluster["Pod", "web-5d8f-a"];
        var usesOnly = new RelationFilter(new HashSet<ResourceRelation> { ResourceRelation.Uses }, RelationDirection.Down);
        var upOnly = new RelationFilter(null, RelationDirection.Up);

        Assert.All(cluster.Describe(pod, usesOnly), line => Assert.StartsWith("Uses Down ", line));
        Assert.Equal(7, cluster.Describe(pod, usesOnly).Length);
        Assert.DoesNotContain(RelationRules.ReadsFor(pod, usesOnly), read => read.Kind is "Node" or "Service" or "ReplicaSet");
        Assert.Equal(
            ["Owner Up ReplicaSet shop/web-5d8f", "SelectedBy Up NetworkPolicy shop/default-deny", "SelectedBy Up PodDisruptionBudget shop/web", "SelectedBy Up Service shop/web"],
            cluster.Describe(pod, upOnly));
    }
}
