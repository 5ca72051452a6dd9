using System.Net;
using System.Text;
using System.Text.Json;
using KubeFleet.StandIn.Hosting;
using KubeFleet.StandIn.Tests.Data;

namespace KubeFleet.StandIn.Tests.Api;

[Collection(ApiFleetCollection.Name)]
public sealed class PagingTests(ApiFleet fleet)
{
    [Fact]
    public async Task PagesAddUpToTheWholeListAtOneResourceVersion()
    {
        var whole = await fleet.Admin.GetJsonAsync("/api/v1/pods");
        var pages = await fleet.Admin.PagesAsync("/api/v1/pods", 37);
        var total = whole.GetProperty("items").GetArrayLength();

        Assert.Equal(Names(whole), pages.SelectMany(Names));
        Assert.Single(pages.Select(p => p.GetProperty("metadata").GetProperty("resourceVersion").GetString()).Distinct());
        var seen = 0;
        foreach (var page in pages.SkipLast(1))
        {
            seen += page.GetProperty("items").GetArrayLength();
            Assert.Equal(total - seen, page.GetProperty("metadata").GetProperty("remainingItemCount").GetInt64());
        }

        Assert.False(pages[^1].GetProperty("metadata").TryGetProperty("remainingItemCount", out _));
        Assert.False(pages[^1].GetProperty("metadata").TryGetProperty("continue", out _));
    }

    [Fact]
    public async Task ContinueTokensHaveTheEtcdStorageFormat()
    {
        var acrossNamespaces = await fleet.Admin.GetJsonAsync("/api/v1/pods?limit=2");
        var inShop = await fleet.Admin.GetJsonAsync("/api/v1/namespaces/shop/pods?limit=2");

        var token = Decode(acrossNamespaces);
        var last = acrossNamespaces.GetProperty("items")[1];
        Assert.Equal("meta.k8s.io/v1", token.GetProperty("v").GetString());
        Assert.Equal(acrossNamespaces.GetProperty("metadata").GetProperty("resourceVersion").GetString(), token.GetProperty("rv").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal($"{SampleClusters.Namespace(last)}/{SampleClusters.Name(last)}\0", token.GetProperty("start").GetString());
        Assert.Equal(SampleClusters.Name(inShop.GetProperty("items")[1]) + "\0", Decode(inShop).GetProperty("start").GetString());
    }

    [Fact]
    public async Task ALimitAboveTheTotalReturnsEverythingWithoutAToken()
    {
        var list = await fleet.Admin.GetJsonAsync("/api/v1/namespaces?limit=1000");

        Assert.False(list.GetProperty("metadata").TryGetProperty("continue", out _));
        Assert.Equal(fleet.WithCustomResources.Data.ReadObjects("", "namespaces").Count, list.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task ResourceVersionZeroIgnoresTheLimit()
    {
        var list = await fleet.Admin.GetJsonAsync("/api/v1/namespaces?limit=2&resourceVersion=0");

        Assert.False(list.GetProperty("metadata").TryGetProperty("continue", out _));
        Assert.Equal(fleet.WithCustomResources.Data.ReadObjects("", "namespaces").Count, list.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task SelectorsSuppressTheRemainingItemCount()
    {
        var page = await fleet.Admin.GetJsonAsync("/api/v1/pods?labelSelector=pod-template-hash&limit=3");

        Assert.True(page.GetProperty("metadata").TryGetProperty("continue", out _));
        Assert.False(page.GetProperty("metadata").TryGetProperty("remainingItemCount", out _));
        Assert.Equal(3, page.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task AMalformedTokenIsABadRequest()
    {
        var status = await fleet.Admin.GetJsonAsync("/api/v1/pods?limit=2&continue=not!base64", HttpStatusCode.BadRequest);
        var zeroRevision = Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"v\":\"meta.k8s.io/v1\",\"rv\":0,\"start\":\"a\"}")).TrimEnd('=');
        var noRevision = await fleet.Admin.GetJsonAsync($"/api/v1/pods?limit=2&continue={zeroRevision}", HttpStatusCode.BadRequest);

        Assert.StartsWith("invalid continue token: continue key is not valid: ", status.GetProperty("message").GetString());
        Assert.Equal("invalid continue token: continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)", noRevision.GetProperty("message").GetString());
    }

    [Fact]
    public async Task AResourceVersionCannotAccompanyAContinueToken()
    {
        var first = await fleet.Admin.GetJsonAsync("/api/v1/pods?limit=2");
        var token = Uri.EscapeDataString(first.GetProperty("metadata").GetProperty("continue").GetString()!);

        var status = await fleet.Admin.GetJsonAsync($"/api/v1/pods?limit=2&continue={token}&resourceVersion=5", HttpStatusCode.BadRequest);

        Assert.Equal("specifying resource version is not allowed when using continue", status.GetProperty("message").GetString());
    }

    [Fact]
    public async Task InvalidListOptionsAreUnprocessable()
    {
        var status = await fleet.Admin.GetJsonAsync("/api/v1/pods?resourceVersionMatch=Exact", HttpStatusCode.UnprocessableEntity);

        Assert.Equal(
            """{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"ListOptions.meta.k8s.io \"\" is invalid: resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden unless resourceVersion is provided","reason":"Invalid","details":{"group":"meta.k8s.io","kind":"ListOptions","causes":[{"reason":"FieldValueForbidden","message":"Forbidden: resourceVersionMatch is forbidden unless resourceVersion is provided","field":"resourceVersionMatch"}]},"code":422}""",
            status.GetRawText());
    }

    [Fact]
    public async Task AResourceVersionFromTheFutureTimesOut()
    {
        var status = await fleet.Admin.GetJsonAsync("/api/v1/pods?resourceVersion=999999999999", HttpStatusCode.GatewayTimeout);

        Assert.Equal("Timeout", status.GetProperty("reason").GetString());
        Assert.StartsWith("Timeout: Too large resource version: 999999999999, current: ", status.GetProperty("message").GetString());
    }

    [Fact]
    public async Task AfterCompactionATokenExpiresAndItsSuccessorReadsTheLatestRevision()
    {
        await using var own = await StandInFleet.StartAsync(new FleetOptions { ClusterCount = 1, PodsPerCluster = 60 });
        var cluster = own.Clusters[0];
        using var admin = ApiClient.AsAdmin(cluster);
        var first = await admin.GetJsonAsync("/api/v1/pods?limit=5");
        var token = first.GetProperty("metadata").GetProperty("continue").GetString()!;

        cluster.Data.Compact();
        var expired = await admin.GetJsonAsync($"/api/v1/pods?limit=5&continue={Uri.EscapeDataString(token)}", HttpStatusCode.Gone);

        Assert.Equal("Expired", expired.GetProperty("reason").GetString());
        Assert.StartsWith("The provided continue parameter is too old to display a consistent list result.", expired.GetProperty("message").GetString());
        var successor = expired.GetProperty("metadata").GetProperty("continue").GetString()!;
        var decoded = Decode(successor);
        Assert.Equal(-1, decoded.GetProperty("rv").GetInt64());
        Assert.Equal(Decode(token).GetProperty("start").GetString(), decoded.GetProperty("start").GetString());

        var resumed = await admin.GetJsonAsync($"/api/v1/pods?limit=5&continue={Uri.EscapeDataString(successor)}");
        Assert.NotEqual(first.GetProperty("metadata").GetProperty("resourceVersion").GetString(), resumed.GetProperty("metadata").GetProperty("resourceVersion").GetString());
        Assert.Equal(Names(await admin.GetJsonAsync("/api/v1/pods")).Skip(5).Take(5), Names(resumed));
    }

    private static IEnumerable<string> Names(JsonElement list) => list.GetProperty("items").EnumerateArray().Select(i => SampleClusters.Namespace(i) + "/" + SampleClusters.Name(i));

    private static JsonElement Decode(JsonElement page) => Decode(page.GetProperty("metadata").GetProperty("continue").GetString()!);

    private static JsonElement Decode(string token)
    {
        var base64 = token.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
        return JsonSerializer.Deserialize<JsonElement>(Convert.FromBase64String(base64));
    }
}
