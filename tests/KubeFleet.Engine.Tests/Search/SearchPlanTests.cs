using KubeFleet.Engine.Connections;
using KubeFleet.Engine.Discovery;
using KubeFleet.Engine.Errors;
using KubeFleet.Engine.Search;

namespace KubeFleet.Engine.Tests.Search;

/// <summary>
/// A request is checked whole before any cluster is asked anything, and servers are asked to
/// filter everything they can.
/// </summary>
public sealed class SearchPlanTests
{
    private static readonly ApiResource Pods = Resource("", "v1", "pods", "Pod");
    private static readonly ApiResource Nodes = Resource("", "v1", "nodes", "Node", namespaced: false);
    private static readonly ApiResource Deployments = Resource("apps", "v1", "deployments", "Deployment");
    private static readonly ApiResource Roles = Resource("rbac.authorization.k8s.io", "v1", "roles", "Role");

    [Theory]
    [InlineData("app in (a b)", null, null, null, "LabelSelectorInvalid")]
    [InlineData(null, "status.phase", null, null, "FieldSelectorInvalid")]
    [InlineData(null, null, "kind = ", null, "QueryInvalid")]
    [InlineData(null, null, null, "web-[", "WildcardPatternInvalid")]
    public void AMistakeIsOneErrorBeforeAnyRequest(string? labels, string? fields, string? query, string? name, string errorId)
    {
        var failure = Assert.ThrowsAny<KubeFleetException>(() => SearchPlan.Create(Request() with
        {
            LabelSelector = labels,
            FieldSelector = fields,
            Query = query,
            Names = name is null ? [] : [name],
        }));

        Assert.Equal(errorId, failure.ErrorId);
        Assert.Equal(ErrorKind.InvalidArgument, failure.Kind);
    }

    [Fact]
    public void RefusesParametersOutOfRange()
    {
        SearchRequest[] requests =
        [
            Request() with { ThrottleLimit = 0 },
            Request() with { PageSize = -1 },
            Request() with { ClusterTimeout = TimeSpan.Zero },
            Request() with { Skip = -1 },
            Request() with { First = -1 },
            Request() with { Kinds = ["pods", " "] },
            Request() with { Namespaces = [""] },
            Request() with { Names = [""] },
        ];

        Assert.All(requests, request => Assert.Equal(
            SearchErrorIds.SearchRequestInvalid,
            Assert.Throws<KubeFleetException>(() => SearchPlan.Create(request)).ErrorId));
    }

    [Fact]
    public void SearchesTheKindsAskedForOrTheQuerysOrElseTheAllCategory()
    {
        Assert.Equal(["pods", "svc"], SearchPlan.Create(Request() with { Kinds = ["pods", "svc", "PODS"] }).KindNames);
        Assert.Equal(["pod", "Service"], SearchPlan.Create(Request() with { Query = "kind in ('Service', 'pod')" }).KindNames);
        Assert.Equal(["all"], SearchPlan.Create(Request() with { Query = "kind != 'Pod'" }).KindNames);
        Assert.Equal(["all"], SearchPlan.Create(Request()).KindNames);
    }

    [Fact]
    public void AsksOnlyTheClustersTheQueryAllowsAndEachOnce()
    {
        var request = Request("prod", "test", "PROD", "dev");

        Assert.Equal(["prod", "test", "dev"], SearchPlan.Create(request).Clusters.Select(cluster => cluster.Name));
        Assert.Equal(["prod", "dev"], SearchPlan.Create(request with { Query = "cluster in ('prod', 'dev') and kind = 'Pod'" }).Clusters.Select(cluster => cluster.Name));
    }

    [Theory]
    [InlineData(new string[0], new[] { "/api/v1/pods?limit=500" })]
    [InlineData(new[] { "shop" }, new[] { "/api/v1/namespaces/shop/pods?limit=500" })]
    [InlineData(new[] { "Shop", "kube-system", "shop" }, new[] { "/api/v1/namespaces/shop/pods?limit=500", "/api/v1/namespaces/kube-system/pods?limit=500" })]
    [InlineData(new[] { "shop", "kube-*" }, new[] { "/api/v1/pods?limit=500" })]
    public void ListsEachNamespaceNamedOutrightAndAllOfThemForPatterns(string[] namespaces, string[] requests) =>
        Assert.Equal(requests, Requests(Request() with { Namespaces = namespaces }, Pods));

    [Fact]
    public void ListsClusterScopedKindsWholeWhateverTheNamespaces() =>
        Assert.Equal(["/api/v1/nodes?limit=500"], Requests(Request() with { Namespaces = ["shop", "dev"] }, Nodes));

    [Fact]
    public void ListsTheNamespacesAQueryNamesAndNoClusterScopedKind()
    {
        var request = Request() with { Query = "namespace in ('shop', 'dev')", Namespaces = ["s*"] };

        Assert.Equal(["/api/v1/namespaces/dev/pods?limit=500", "/api/v1/namespaces/shop/pods?limit=500"], Requests(request, Pods));
        Assert.Empty(Requests(request, Nodes));
    }

    [Fact]
    public void SendsTheUsersLabelSelectorWithWhatTheQueryAddsToIt() => Assert.Equal(
        ["/api/v1/pods?labelSelector=app%3Dweb%2Ctier%21%3Dback&limit=500"],
        Requests(Request() with { LabelSelector = "tier!=back", Query = "`labels.app` = 'web'" }, Pods));

    [Fact]
    public void SendsAFieldSelectorOnlyToKindsThatSupportEveryField()
    {
        var request = Request() with { FieldSelector = "status.phase=Running" };

        Assert.Equal(["/api/v1/pods?fieldSelector=status.phase%3DRunning&limit=500"], Requests(request, Pods));
        Assert.True(ListPlan.For(SearchPlan.Create(request), Pods).FieldSelectorOnServer);
        Assert.Equal(["/apis/apps/v1/deployments?limit=500"], Requests(request, Deployments));
        Assert.False(ListPlan.For(SearchPlan.Create(request), Deployments).FieldSelectorOnServer);
    }

    [Fact]
    public void SendsOneExactNameInLowerCaseExceptForKindsWithMixedCaseNames()
    {
        var request = Request() with { Names = ["Web-1"] };

        Assert.Equal(["/api/v1/pods?fieldSelector=metadata.name%3Dweb-1&limit=500"], Requests(request, Pods));
        Assert.Equal(["/apis/rbac.authorization.k8s.io/v1/roles?limit=500"], Requests(request, Roles));
        Assert.Equal(["/api/v1/pods?limit=500"], Requests(request with { Names = ["web-*"] }, Pods));
        Assert.Equal(["/api/v1/pods?limit=500"], Requests(request with { Names = ["web-1", "web-2"] }, Pods));
    }

    [Fact]
    public void SendsTheNamesAQueryAsksForAsTheyAreWritten() => Assert.Equal(
        ["/api/v1/pods?fieldSelector=metadata.name%3DWeb-1&limit=500"],
        Requests(Request() with { Query = "name = 'Web-1'" }, Pods));

    [Fact]
    public void ReadsListsWholeWhenPagingIsOff() =>
        Assert.Equal(["/api/v1/namespaces/shop/pods"], Requests(Request() with { Namespaces = ["shop"], PageSize = 0 }, Pods));

    private static SearchRequest Request(params string[] clusters) => new()
    {
        Clusters = (clusters.Length == 0 ? ["prod"] : clusters)
            .Select(name => new SearchTarget(name, new ClusterAccess { Server = new Uri("https://prod.example.com"), Credential = new AnonymousCredential() }))
            .ToList(),
    };

    private static List<string> Requests(SearchRequest request, ApiResource resource) =>
        ListPlan.For(SearchPlan.Create(request), resource).Requests.Select(list => list.PathAndQuery(request.PageSize, null)).ToList();

    private static ApiResource Resource(string group, string version, string plural, string kind, bool namespaced = true) => new()
    {
        Group = group,
        Version = version,
        Resource = plural,
        Kind = kind,
        Namespaced = namespaced,
        Verbs = ["list"],
    };
}
