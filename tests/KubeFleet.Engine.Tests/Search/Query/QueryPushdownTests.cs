using KubeFleet.Engine.Search.Query;

namespace KubeFleet.Engine.Tests.Search.Query;

public sealed class QueryPushdownTests
{
    [Fact]
    public void Conditions_joined_by_and_push_kinds_clusters_namespaces_labels_and_the_name()
    {
        var pushdown = SearchQuery.Parse(
            "select * from resources where kind = 'Pod' and (namespace in ('shop', 'web') and labels.app = 'web') "
            + "and `labels.tier` in ('front', 'back') and name = 'web-1' and cluster = 'demo' and spec.replicas > 1").Pushdown;

        Assert.Equal(["Pod"], pushdown.Kinds!);
        Assert.Equal(["demo"], pushdown.Clusters!);
        Assert.Equal(["shop", "web"], pushdown.Namespaces!.Order());
        Assert.Equal("app=web,tier in (back,front)", pushdown.LabelSelector.ToString());
        Assert.Equal("metadata.name=web-1", pushdown.FieldSelector.ToString());
        Assert.False(pushdown.MatchesNothing);
    }

    [Fact]
    public void Negated_and_missing_label_conditions_push_their_exact_label_selector_equivalents()
    {
        var pushdown = SearchQuery.Parse(
            "labels.app != 'web' and labels.tier not in ('db') and labels.canary = missing and labels.release != missing").Pushdown;

        Assert.Equal("app!=web,!canary,release,tier notin (db)", pushdown.LabelSelector.ToString());
    }

    [Theory]
    [InlineData("kind = 'Pod' or kind = 'Service'")]
    [InlineData("(kind = 'Pod' or name = 'web') and labels.app = 'web' or cluster = 'demo'")]
    [InlineData("kind != 'Pod'")]
    [InlineData("kind not in ('Pod')")]
    [InlineData("kind like 'Po%'")]
    [InlineData("contains(kind, 'Pod')")]
    public void Or_and_negations_push_no_kinds(string query)
    {
        var pushdown = SearchQuery.Parse(query).Pushdown;

        Assert.Null(pushdown.Kinds);
        Assert.Null(pushdown.Clusters);
        Assert.True(pushdown.FieldSelector.IsEmpty);
    }

    [Fact]
    public void Only_the_and_joined_part_of_a_mixed_query_is_pushed()
    {
        var pushdown = SearchQuery.Parse("(kind = 'Pod' or name = 'x') and cluster = 'prod' and (labels.app = 'a' or labels.app = 'b')").Pushdown;

        Assert.Null(pushdown.Kinds);
        Assert.Equal(["prod"], pushdown.Clusters!);
        Assert.True(pushdown.LabelSelector.IsEmpty);
        Assert.True(pushdown.FieldSelector.IsEmpty);
    }

    [Fact]
    public void Kinds_intersect_case_insensitively_and_contradictions_match_nothing()
    {
        var narrowed = SearchQuery.Parse("kind in ('pod', 'Service') and kind = 'POD'").Pushdown;
        Assert.Single(narrowed.Kinds!);
        Assert.Contains("Pod", narrowed.Kinds!);

        var contradictory = SearchQuery.Parse("kind = 'Pod' and kind = 'Service'").Pushdown;
        Assert.Empty(contradictory.Kinds!);
        Assert.True(contradictory.MatchesNothing);
        Assert.True(SearchQuery.Parse("cluster = 'a' and cluster in ('b')").Pushdown.MatchesNothing);
    }

    [Theory]
    [InlineData("labels.replicas = 3")]
    [InlineData("labels.app = 'has space'")]
    [InlineData("labels.enabled = true")]
    [InlineData("labels.app like 'web%'")]
    [InlineData("labels.app > 'a'")]
    [InlineData("annotations.app = 'web'")]
    public void Label_conditions_a_server_would_judge_differently_are_not_pushed(string query)
    {
        Assert.True(SearchQuery.Parse(query).Pushdown.LabelSelector.IsEmpty);
    }

    [Theory]
    [InlineData("name in ('a', 'b')")]
    [InlineData("name = 5")]
    [InlineData("name like 'a%'")]
    public void Name_conditions_a_field_selector_cannot_express_are_not_pushed(string query)
    {
        Assert.True(SearchQuery.Parse(query).Pushdown.FieldSelector.IsEmpty);
    }

    public static TheoryData<string> Queries()
    {
        var queries = new TheoryData<string>();
        foreach (var row in KarporExampleTests.Examples)
            queries.Add((string)row[0]);
        foreach (var row in OperatorTests.Cases)
            queries.Add((string)row[0]);
        foreach (var row in JsonPathColumnTests.Cases)
            queries.Add((string)row[0]);
        queries.Add("kind = 'Pod' and labels.app = 'web' and namespace = 'apple' and name = 'web-1' and cluster = 'demo'");
        queries.Add("kind in ('Deployment', 'service') and labels.app in ('web', 'api') and labels.tier != 'front'");
        queries.Add("labels.app = missing and kind = 'namespace'");
        return queries;
    }

    [Theory]
    [MemberData(nameof(Queries))]
    public void Pushdown_never_drops_a_row_the_query_selects(string text)
    {
        var query = SearchQuery.Parse(text);
        var pushdown = query.Pushdown;

        foreach (var row in QueryRows.Fleet.Where(query.Matches))
        {
            Assert.True(pushdown.Kinds?.Contains(row.Kind) ?? true, row.Id);
            Assert.True(pushdown.Clusters?.Contains(row.Cluster) ?? true, row.Id);
            Assert.True(pushdown.Namespaces is null || (row.Namespace is { } ns && pushdown.Namespaces.Contains(ns)), row.Id);
            Assert.True(pushdown.LabelSelector.Matches(Labels(row)), row.Id);
            Assert.True(pushdown.FieldSelector.Matches(field => field == "metadata.name" ? row.Name : null), row.Id);
        }
    }

    private static Dictionary<string, string> Labels(ObjectRow row)
    {
        var labels = new Dictionary<string, string>();
        if (row.Object.GetProperty("metadata").TryGetProperty("labels", out var map))
        {
            foreach (var label in map.EnumerateObject())
                labels[label.Name] = label.Value.GetString()!;
        }
        return labels;
    }
}
