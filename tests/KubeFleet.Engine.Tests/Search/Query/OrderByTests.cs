using KubeFleet.Engine.Search.Query;

namespace KubeFleet.Engine.Tests.Search.Query;

public sealed class OrderByTests
{
    public static TheoryData<string, string[]> Cases => new()
    {
        { "kind='Service' order by creationTimestamp desc", ["prod/Service/api", "demo/Service/web"] },
        { "kind='Service' order by creationTimestamp", ["demo/Service/web", "prod/Service/api"] },
        { "kind = 'Deployment' order by spec.replicas desc", ["prod/Deployment/api", "demo/Deployment/web"] },
        { "kind = 'Deployment' ORDER BY spec.replicas ASC", ["demo/Deployment/web", "prod/Deployment/api"] },
        { "kind = 'Pod' order by status.phase", ["prod/Pod/api-1", "demo/Pod/web-1"] },
        // Rows missing the column come last, in both directions.
        { "kind in ('Namespace', 'Service') order by namespace, name", ["demo/Service/web", "prod/Service/api", "demo/Namespace/apple", "demo/Namespace/banana"] },
        { "kind in ('Namespace', 'Service') order by namespace desc, name desc", ["prod/Service/api", "demo/Service/web", "demo/Namespace/banana", "demo/Namespace/apple"] },
        // Ties keep the order the rows arrived in.
        { "labels.app != missing order by cluster desc", ["prod/Pod/api-1", "prod/Deployment/api", "demo/Pod/web-1", "demo/Service/web", "demo/Deployment/web"] },
        { "select * from resources where kind = 'Pod' order by `spec.containers.name`", ["prod/Pod/api-1", "demo/Pod/web-1"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Orders_selected_rows(string text, string[] expected)
    {
        var query = SearchQuery.Parse(text);

        var ordered = QueryRows.Fleet.Where(query.Matches).OrderBy(row => row, query.RowComparer);

        Assert.Equal(expected, ordered.Select(row => ((ObjectRow)row).Id));
    }

    [Fact]
    public void The_order_by_clause_is_exposed_with_columns_and_directions()
    {
        var query = SearchQuery.Parse("kind = 'Pod' order by namespace desc, `labels.app.kubernetes.io/name`, creationTimestamp asc");

        Assert.Equal(
            ["Namespace:True", "Label:app.kubernetes.io/name:False", "CreationTimestamp:False"],
            query.OrderBy.Select(ordering => ordering.Column.Kind is QueryColumnKind.Label
                ? $"{ordering.Column.Kind}:{ordering.Column.Key}:{ordering.Descending}"
                : $"{ordering.Column.Kind}:{ordering.Descending}"));
        Assert.Empty(SearchQuery.Parse("kind = 'Pod'").OrderBy);
    }
}
