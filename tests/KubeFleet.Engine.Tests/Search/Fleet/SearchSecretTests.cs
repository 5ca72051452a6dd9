using System.Collections.Specialized;
using System.Text.Json;
using KubeFleet.Engine.Search;
using KubeFleet.StandIn.Hosting;

namespace KubeFleet.Engine.Tests.Search.Fleet;

/// <summary>Secret values never leave the engine unless asked for: not in the JSON, the object, nor through a query.</summary>
public sealed class SearchSecretTests(SearchFleetFixture fixture) : IClassFixture<SearchFleetFixture>, IDisposable
{
    private readonly FleetSearchRunner _runner = new();

    private StandInFleet Fleet => fixture.Fleet;

    public void Dispose() => _runner.Dispose();

    [Fact]
    public async Task RedactsEverySecretValueByDefault()
    {
        var outcome = await _runner.RunAsync(new SearchRequest { Clusters = StandInTargets.Admin(Fleet), Kinds = ["secrets"] });

        var secrets = SecretsWithData();
        Assert.NotEmpty(secrets);
        Assert.Equal(FleetExpectations.Objects(Fleet.Clusters, "", "secrets"), outcome.Keys);
        foreach (var found in outcome.Results)
        {
            var original = secrets.GetValueOrDefault(ObjectKey.Of(found));
            var json = found.ToJson();
            foreach (var (key, value) in original ?? [])
            {
                Assert.DoesNotContain(value, json, StringComparison.Ordinal);
                Assert.Equal("REDACTED", ((OrderedDictionary)found.Object["data"]!)[key]);
            }
        }
    }

    [Fact]
    public async Task AQueryCannotFindASecretByItsValue()
    {
        var (key, canary) = SecretsWithData().First(secret => secret.Value.Count > 0);
        var query = $"kind='Secret' and contains(content, '{canary.First().Value}')";

        var hidden = await _runner.RunAsync(new SearchRequest { Clusters = StandInTargets.Admin(Fleet), Query = query });
        var shown = await _runner.RunAsync(new SearchRequest { Clusters = StandInTargets.Admin(Fleet), Query = query, IncludeSecretData = true });

        Assert.Empty(hidden.Results);
        Assert.Contains(key, shown.Keys);
    }

    [Fact]
    public async Task ReturnsTheValuesWhenAskedFor()
    {
        var outcome = await _runner.RunAsync(new SearchRequest { Clusters = StandInTargets.Admin(Fleet), Kinds = ["secret"], IncludeSecretData = true });

        var secrets = SecretsWithData();
        foreach (var found in outcome.Results)
        {
            foreach (var (key, value) in secrets.GetValueOrDefault(ObjectKey.Of(found)) ?? [])
            {
                Assert.Equal(value, ((OrderedDictionary)found.Object["data"]!)[key]);
            }
        }
    }

    private Dictionary<ObjectKey, Dictionary<string, string>> SecretsWithData()
    {
        var secrets = new Dictionary<ObjectKey, Dictionary<string, string>>();
        foreach (var cluster in Fleet.Clusters)
        {
            foreach (var secret in cluster.Data.ReadObjects("", "secrets"))
            {
                var data = secret.TryGetProperty("data", out var values) && values.ValueKind == JsonValueKind.Object
                    ? values.EnumerateObject().Where(value => value.Value.GetString()!.Length >= 8).ToDictionary(value => value.Name, value => value.Value.GetString()!)
                    : [];
                secrets[new ObjectKey(cluster.Name, "Secret", FleetExpectations.Namespace(secret), FleetExpectations.Text(secret, "metadata", "name"))] = data;
            }
        }

        return secrets;
    }
}
