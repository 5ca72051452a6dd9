using System.Net;
using KubeFleet.StandIn.Tests.Auth;

namespace KubeFleet.StandIn.Tests.Api;

/// <summary>Requests are authorized on what the path asks for, before anything is looked up, with the real 403 texts.</summary>
[Collection(ApiFleetCollection.Name)]
public sealed class AuthorizationTests(ApiFleet fleet)
{
    [Fact]
    public async Task ADeniedListSaysWhoCannotDoWhatWhere()
    {
        using var viewer = ApiClient.AsViewer(fleet.WithCustomResources);

        var inNamespace = await viewer.GetJsonAsync("/api/v1/namespaces/shop/secrets", HttpStatusCode.Forbidden);
        var everywhere = await viewer.GetJsonAsync("/api/v1/secrets", HttpStatusCode.Forbidden);

        Assert.Equal(
            """{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"secrets is forbidden: User \"viewer\" cannot list resource \"secrets\" in API group \"\" in the namespace \"shop\"","reason":"Forbidden","details":{"kind":"secrets"},"code":403}""",
            inNamespace.GetRawText());
        Assert.Equal("secrets is forbidden: User \"viewer\" cannot list resource \"secrets\" in API group \"\" at the cluster scope", everywhere.GetProperty("message").GetString());
    }

    [Fact]
    public async Task AuthorizationComesBeforeLookingTheObjectUp()
    {
        using var viewer = ApiClient.AsViewer(fleet.WithCustomResources);

        var status = await viewer.GetJsonAsync("/api/v1/namespaces/shop/secrets/no-such-secret", HttpStatusCode.Forbidden);

        Assert.Equal("secrets \"no-such-secret\" is forbidden: User \"viewer\" cannot get resource \"secrets\" in API group \"\" in the namespace \"shop\"", status.GetProperty("message").GetString());
        Assert.Equal("no-such-secret", status.GetProperty("details").GetProperty("name").GetString());
    }

    [Fact]
    public async Task AllowedReadsSucceedForTheViewer()
    {
        using var viewer = ApiClient.AsViewer(fleet.WithCustomResources);

        var pods = await viewer.GetJsonAsync("/api/v1/namespaces/shop/pods");

        Assert.True(pods.GetProperty("items").GetArrayLength() > 0);
    }

    [Fact]
    public async Task AnonymousUsersMayNotDiscover()
    {
        using var anonymous = new ApiClient(ClusterClients.For(fleet.WithCustomResources));

        var status = await anonymous.GetJsonAsync("/api", HttpStatusCode.Forbidden);
        var version = await anonymous.GetJsonAsync("/version");

        Assert.Equal("forbidden: User \"system:anonymous\" cannot get path \"/api\"", status.GetProperty("message").GetString());
        Assert.Equal("{}", status.GetProperty("details").GetRawText());
        Assert.Equal("v1.32.5", version.GetProperty("gitVersion").GetString());
    }
}
