using KubeFleet.Engine.Discovery;

namespace KubeFleet.Engine.Tests.Discovery;

/// <summary>Names mean what kubectl makes of them on the same cluster.</summary>
public sealed class ResourceNameResolverTests
{
    private readonly ResourceCatalog _catalog = Catalogs.Typical(withCertificates: true);

    [Theory]
    [InlineData("pods", "", "pods")]
    [InlineData("pod", "", "pods")]
    [InlineData("Pod", "", "pods")]
    [InlineData("PODS", "", "pods")]
    [InlineData("po", "", "pods")]
    [InlineData(" po ", "", "pods")]
    [InlineData("deploy", "apps", "deployments")]
    [InlineData("deployments.apps", "apps", "deployments")]
    [InlineData("Deployment.apps", "apps", "deployments")]
    [InlineData("deploy.apps", "apps", "deployments")]
    [InlineData("deployments.v1.apps", "apps", "deployments")]
    [InlineData("cert", "cert-manager.io", "certificates")]
    [InlineData("certificates.cert-manager.io", "cert-manager.io", "certificates")]
    [InlineData("Certificate", "cert-manager.io", "certificates")]
    [InlineData("no", "", "nodes")]
    [InlineData("bindings", "", "bindings")]
    public void ResolvesEveryNameFormToOneResource(string name, string group, string resource)
    {
        Assert.True(_catalog.TryResolve(name, out var resources));

        var resolved = Assert.Single(resources);
        Assert.Equal((group, resource), (resolved.Group, resolved.Resource));
    }

    [Fact]
    public void PrefersTheCoreGroupAsKubectlDoesWhenGroupsShareAName()
    {
        Assert.True(_catalog.TryResolve("ev", out var byShortName));
        Assert.True(_catalog.TryResolve("events", out var byPlural));
        Assert.True(_catalog.TryResolve("events.events.k8s.io", out var qualified));

        Assert.Equal("", Assert.Single(byShortName).Group);
        Assert.Equal("", Assert.Single(byPlural).Group);
        Assert.Equal("events.k8s.io", Assert.Single(qualified).Group);
    }

    [Fact]
    public void AFullNameIsNeverHiddenByAnotherResourcesShortName()
    {
        Assert.True(_catalog.TryResolve("services", out var services));
        Assert.True(_catalog.TryResolve("xsvc", out var custom));

        Assert.Equal("", Assert.Single(services).Group);
        Assert.Equal("example.com", Assert.Single(custom).Group);
    }

    [Fact]
    public void ResolvesToThePreferredVersionUnlessAVersionIsNamed()
    {
        Assert.True(_catalog.TryResolve("hpa", out var preferred));
        Assert.True(_catalog.TryResolve("horizontalpodautoscalers.v1.autoscaling", out var named));
        Assert.True(_catalog.TryResolve("prioritylevelconfigurations", out var onlyInOlderVersion));

        Assert.Equal("v2", Assert.Single(preferred).Version);
        Assert.Equal("v1", Assert.Single(named).Version);
        Assert.Equal("v1beta3", Assert.Single(onlyInOlderVersion).Version);
    }

    [Fact]
    public void ExpandsCategoriesToEveryMemberOnce()
    {
        Assert.True(_catalog.TryResolve("all", out var all));
        Assert.True(_catalog.TryResolve("CERT-MANAGER", out var certManager));

        Assert.Equal(["pods", "services", "deployments", "replicasets", "horizontalpodautoscalers"], all.Select(resource => resource.Resource));
        Assert.Equal("v2", all.Single(resource => resource.Resource == "horizontalpodautoscalers").Version);
        Assert.Equal("certificates", Assert.Single(certManager).Resource);
    }

    [Theory]
    [InlineData("pdos")]
    [InlineData("deployments.extensions")]
    [InlineData("deployments.v2.apps")]
    [InlineData("")]
    [InlineData(".")]
    public void KnowsNothingByOtherNames(string name) => Assert.False(_catalog.TryResolve(name, out _));

    [Fact]
    public void SuggestsTheNamesCloseToAMisspeltOne()
    {
        Assert.Equal(["pods"], NameSuggestions.Like("pdos", [_catalog]));
        Assert.Contains("Deployment", NameSuggestions.Like("deploymnet", [_catalog]));
        Assert.Contains("certificates.cert-manager.io", NameSuggestions.Like("certificates.cert-manger.io", [Catalogs.Typical(), _catalog]));
        Assert.Empty(NameSuggestions.Like("zebra", [_catalog]));
    }
}
