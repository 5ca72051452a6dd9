namespace KubeFleet.Engine.Tests.Search.Query;

/// <summary>Every documented Karpor example, as a bare condition and as a full select statement.</summary>
public sealed class KarporExampleTests
{
    public static TheoryData<string, string[]> Examples => new()
    {
        { "kind='Namespace'", ["demo/Namespace/apple", "demo/Namespace/banana"] },
        { "labels.key1='value1'", ["demo/Namespace/apple", "demo/Pod/web-1"] },
        { "annotations.key1='value1'", ["demo/Pod/web-1"] },
        {
            "kind!='Pod'",
            ["demo/Namespace/apple", "demo/Namespace/banana", "demo/Service/web", "prod/Service/api", "demo/Deployment/web",
             "prod/Deployment/api", "prod/Node/node-1", "prod/ConfigMap/fruit"]
        },
        { "cluster='demo' and kind='Pod'", ["demo/Pod/web-1"] },
        { "kind in ('pod','service')", ["demo/Pod/web-1", "prod/Pod/api-1", "demo/Service/web", "prod/Service/api"] },
        {
            "kind not in ('pod','service')",
            ["demo/Namespace/apple", "demo/Namespace/banana", "demo/Deployment/web", "prod/Deployment/api", "prod/Node/node-1", "prod/ConfigMap/fruit"]
        },
        { "namespace like 'appl%'", ["demo/Pod/web-1", "demo/Service/web", "prod/Service/api", "demo/Deployment/web"] },
        { "namespace like 'banan_'", ["prod/Pod/api-1", "prod/Deployment/api"] },
        {
            "namespace not like 'appl%'",
            ["demo/Namespace/apple", "demo/Namespace/banana", "prod/Pod/api-1", "prod/Deployment/api", "prod/Node/node-1", "prod/ConfigMap/fruit"]
        },
        { "kind='Deployment' and creationTimestamp < '2024-01-01T18:00:00Z'", ["demo/Deployment/web"] },
        { "kind='Service' order by creationTimestamp desc", ["demo/Service/web", "prod/Service/api"] },
        { "contains(content, 'apple')", ["demo/Namespace/apple", "demo/Pod/web-1", "demo/Service/web", "demo/Deployment/web", "prod/ConfigMap/fruit"] },
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public void A_bare_condition_selects_exactly_the_right_rows(string condition, string[] expected)
    {
        Assert.Equal(expected, QueryRows.Select(condition));
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void The_full_select_statement_selects_the_same_rows(string condition, string[] expected)
    {
        Assert.Equal(expected, QueryRows.Select("select * from resources where " + condition));
        Assert.Equal(expected, QueryRows.Select("SELECT * FROM Resources WHERE " + condition.Replace(" and ", " AND ", StringComparison.Ordinal)));
    }
}
