using KubeFleet.Engine.Search.Query;

namespace KubeFleet.Engine.Tests.Search.Query;

public sealed class OperatorTests
{
    private static readonly string[] AllRows = QueryRows.Fleet.Select(row => row.Id).ToArray();

    public static TheoryData<string, string[]> Cases => new()
    {
        { "kind = 'POD'", ["demo/Pod/web-1", "prod/Pod/api-1"] },
        { "kind == 'pod'", ["demo/Pod/web-1", "prod/Pod/api-1"] },
        { "kind like 'dep%'", ["demo/Deployment/web", "prod/Deployment/api"] },
        { "name <= 'api'", ["prod/Service/api", "prod/Deployment/api"] },
        { "name < 'b'", ["demo/Namespace/apple", "prod/Pod/api-1", "prod/Service/api", "prod/Deployment/api"] },
        { "name >= 'web'", ["demo/Pod/web-1", "demo/Service/web", "demo/Deployment/web"] },
        { "name > 'web'", ["demo/Pod/web-1"] },
        { "name <> 'web'", ["demo/Namespace/apple", "demo/Namespace/banana", "demo/Pod/web-1", "prod/Pod/api-1", "prod/Service/api", "prod/Deployment/api", "prod/Node/node-1", "prod/ConfigMap/fruit"] },
        { "apiVersion = 'apps/v1'", ["demo/Deployment/web", "prod/Deployment/api"] },
        { "resourceVersion = '7'", ["prod/Pod/api-1"] },
        { "name in ('web', \"api\")", ["demo/Service/web", "prod/Service/api", "demo/Deployment/web", "prod/Deployment/api"] },
        { "labels.key1 like 'value_'", ["demo/Namespace/apple", "demo/Pod/web-1"] },
        { "name like 'web\\-1'", ["demo/Pod/web-1"] },
        { "name like 'web_1'", ["demo/Pod/web-1"] },
        { "name like 'web\\_1'", [] },
        { "name like 'WEB%'", [] },
        { "contains(name, 'eb')", ["demo/Pod/web-1", "demo/Service/web", "demo/Deployment/web"] },
        { "contains(content, 'Apple pie')", ["prod/ConfigMap/fruit"] },
        { "contains(spec.containers, 'envoy')", ["demo/Pod/web-1"] },
        { "creationTimestamp between '2024-01-01' and '2024-02-28'", ["prod/Pod/api-1", "prod/Service/api", "prod/Deployment/api"] },
        { "creationTimestamp >= '2024-06-01T00:00:00Z'", ["prod/ConfigMap/fruit"] },
        { "creationTimestamp >= '2024-06-01T02:00:00+02:00'", ["prod/ConfigMap/fruit"] },
        { "creationTimestamp > '2024-06-01T02:00:00+02:00'", [] },
        { "deletionTimestamp != missing", ["prod/Pod/api-1"] },
        { "deletionTimestamp < '2025-01-01T00:00:00Z'", ["prod/Pod/api-1"] },
        { "namespace = missing", ["demo/Namespace/apple", "demo/Namespace/banana", "prod/Node/node-1"] },
        { "labels.app = missing", ["demo/Namespace/apple", "demo/Namespace/banana", "prod/Service/api", "prod/Node/node-1", "prod/ConfigMap/fruit"] },
        { "labels.app != 'web'", ["demo/Namespace/apple", "demo/Namespace/banana", "prod/Pod/api-1", "prod/Service/api", "prod/Deployment/api", "prod/Node/node-1", "prod/ConfigMap/fruit"] },
        { "`labels.app.kubernetes.io/name` = 'web'", ["demo/Pod/web-1"] },
        { "labels.app.kubernetes.io/name = 'web'", ["demo/Pod/web-1"] },
        { "`labels.kubernetes.io/os` in ('linux', 'windows')", ["prod/Node/node-1"] },
        { "labels.replicas = 3", ["prod/Node/node-1"] },
        { "labels.replicas = '3'", [] },
        { "ownerReferences.kind = 'ConfigMap'", ["prod/Pod/api-1"] },
        { "ownerReferences.controller = true", ["demo/Pod/web-1", "prod/Pod/api-1"] },
        { "ownerReferences.name like 'web-%'", ["demo/Pod/web-1"] },
        { "(kind = 'Pod' or kind = 'Service') and cluster = 'prod'", ["prod/Pod/api-1", "prod/Service/api"] },
        { "kind = 'Pod' or kind = 'Service' and cluster = 'prod'", ["demo/Pod/web-1", "prod/Pod/api-1", "prod/Service/api"] },
        { "kind = 'Pod' AND (labels.app = 'web' OR labels.tier = 'back')", ["demo/Pod/web-1", "prod/Pod/api-1"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Selects_exactly_the_right_rows(string query, string[] expected)
    {
        Assert.Equal(expected, QueryRows.Select(query));
    }

    [Theory]
    [InlineData("spec.replicas between 4 and 12", "spec.replicas not between 4 and 12")]
    [InlineData("creationTimestamp between '2024-01-01' and '2024-02-28'", "creationTimestamp not between '2024-01-01' and '2024-02-28'")]
    [InlineData("name between 'a' and 'b'", "name not between 'a' and 'b'")]
    [InlineData("kind in ('Pod', 'Node')", "kind not in ('Pod', 'Node')")]
    [InlineData("namespace like '%an%'", "namespace not like '%an%'")]
    [InlineData("spec.containers.image like '%:latest'", "spec.containers.image not like '%:latest'")]
    [InlineData("labels.app = 'web'", "labels.app != 'web'")]
    [InlineData("deletionTimestamp = missing", "deletionTimestamp != missing")]
    public void A_negated_predicate_selects_exactly_the_rows_its_positive_form_does_not(string positive, string negative)
    {
        var selected = QueryRows.Select(positive);
        var rejected = QueryRows.Select(negative);

        Assert.NotEmpty(selected);
        Assert.Empty(selected.Intersect(rejected));
        Assert.Equal(AllRows, AllRows.Where(id => selected.Contains(id) || rejected.Contains(id)));
    }

    [Fact]
    public void Not_between_is_not_karpors_between()
    {
        Assert.Equal(["prod/Deployment/api"], QueryRows.Select("spec.replicas between 4 and 12"));
        Assert.Equal(["demo/Deployment/web"], QueryRows.Select("kind = 'Deployment' and spec.replicas not between 4 and 12"));
    }

    [Fact]
    public void A_like_condition_copied_with_another_pattern_matches_by_the_new_pattern()
    {
        var like = Assert.IsType<LikeCondition>(SearchQuery.Parse("name like 'web%'").Condition);
        var webPod = QueryRows.Fleet.Single(row => row.Id == "demo/Pod/web-1");
        Assert.True(like.Matches(webPod));

        var copy = like with { Pattern = new QueryLiteral(QueryLiteralKind.String, "api%", 0) };

        Assert.False(copy.Matches(webPod));
        Assert.True(like.Matches(webPod));
    }
}
