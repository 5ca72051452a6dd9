namespace KubeFleet.StandIn.Security.Authorization;

/// <summary>A resource the cluster serves that can be listed, for building read-only roles.</summary>
public sealed record ReadableResource(string ApiGroup, string Resource);

/// <summary>
/// The bindings every stand-in cluster has: the real defaults for all users
/// (<c>system:basic-user</c>, <c>system:discovery</c>, <c>system:public-info-viewer</c>,
/// <c>cluster-admin</c> for <c>system:masters</c>) plus the stand-in's viewer and scoped users.
/// </summary>
public static class ClusterPolicy
{
    private static readonly string[] ReadVerbs = ["get", "list", "watch"];

    private static readonly string[] PublicInfoPaths = ["/healthz", "/livez", "/readyz", "/version", "/version/"];

    private static readonly string[] DiscoveryPaths =
        ["/api", "/api/*", "/apis", "/apis/*", "/healthz", "/livez", "/openapi", "/openapi/*", "/readyz", "/version", "/version/"];

    /// <param name="servedResources">Everything the cluster serves that supports list; the viewer may read all but secrets.</param>
    public static RuleAuthorizer Create(IEnumerable<ReadableResource> servedResources)
    {
        var clusterAdmin = new Role("cluster-admin", true, [new ResourceRule(["*"], ["*"], ["*"])], [new NonResourceRule(["*"], ["*"])]);
        var basicUser = new Role("system:basic-user", true,
        [
            new ResourceRule(["create"], ["authentication.k8s.io"], ["selfsubjectreviews"]),
            new ResourceRule(["create"], ["authorization.k8s.io"], ["selfsubjectaccessreviews", "selfsubjectrulesreviews"]),
        ], []);
        var discovery = new Role("system:discovery", true, [], [new NonResourceRule(["get"], DiscoveryPaths)]);
        var publicInfo = new Role("system:public-info-viewer", true, [], [new NonResourceRule(["get"], PublicInfoPaths)]);
        var view = new Role("view", true, ViewRules(servedResources), []);
        var shopReader = new Role("shop-reader", false, [new ResourceRule(ReadVerbs, ["*"], ["*"])], []);

        var authenticated = new Subject(SubjectKind.Group, UserNames.Authenticated);
        return new RuleAuthorizer(
        [
            new RoleBinding("cluster-admin", null, clusterAdmin, [new Subject(SubjectKind.Group, UserNames.Masters)]),
            new RoleBinding("system:basic-user", null, basicUser, [authenticated]),
            new RoleBinding("system:discovery", null, discovery, [authenticated]),
            new RoleBinding("system:public-info-viewer", null, publicInfo, [authenticated, new Subject(SubjectKind.Group, UserNames.Unauthenticated)]),
            new RoleBinding("viewer", null, view, [new Subject(SubjectKind.User, UserNames.Viewer)]),
            new RoleBinding("scoped", UserNames.ScopedNamespace, shopReader, [new Subject(SubjectKind.User, UserNames.Scoped)]),
        ]);
    }

    // One rule per API group, like the aggregated "view" ClusterRole; secrets are left out because
    // reading them is reading credentials.
    private static List<ResourceRule> ViewRules(IEnumerable<ReadableResource> servedResources) =>
        servedResources
            .Where(r => !(r.ApiGroup.Length == 0 && r.Resource == "secrets"))
            .GroupBy(r => r.ApiGroup)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ResourceRule(ReadVerbs, [g.Key], g.Select(r => r.Resource).Distinct().Order(StringComparer.Ordinal).ToList()))
            .ToList();
}
