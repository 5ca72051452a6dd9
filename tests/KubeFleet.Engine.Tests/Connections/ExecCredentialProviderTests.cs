using System.Globalization;
using KubeFleet.Engine.Connections.Exec;
using static KubeFleet.Engine.Tests.Connections.ExecPlugins;

namespace KubeFleet.Engine.Tests.Connections;

public sealed class ExecCredentialProviderTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly ExecCredentialProvider _provider = new(Runner());

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task ReusesCredentialsUntilTheyExpire()
    {
        var plugin = WriteRecordingPlugin(_directory, TokenOutput("tok-1", expirationTimestamp: Rfc3339(DateTimeOffset.UtcNow.AddMinutes(14))));
        var invocation = Invocation(Config(plugin));

        var first = await _provider.GetAsync(invocation, CancellationToken.None);
        var second = await _provider.GetAsync(invocation, CancellationToken.None);

        Assert.Same(first, second);
        Assert.Equal(1, Runs(_directory));
    }

    [Fact]
    public async Task ReusesCredentialsWithoutAnExpiryForTheLifeOfTheProcess()
    {
        var invocation = Invocation(Config(WriteRecordingPlugin(_directory, TokenOutput("tok-1"))));

        await _provider.GetAsync(invocation, CancellationToken.None);
        await _provider.GetAsync(invocation, CancellationToken.None);

        Assert.Equal(1, Runs(_directory));
    }

    [Fact]
    public async Task RunsThePluginAgainOnceTheExpiryHasPassed()
    {
        var plugin = WriteRecordingPlugin(_directory, TokenOutput("tok-1", expirationTimestamp: Rfc3339(DateTimeOffset.UtcNow.AddSeconds(-1))));
        var invocation = Invocation(Config(plugin));

        await _provider.GetAsync(invocation, CancellationToken.None);
        await _provider.GetAsync(invocation, CancellationToken.None);

        Assert.Equal(2, Runs(_directory));
    }

    [Fact]
    public async Task ConcurrentRequestsWaitForOneRun()
    {
        var plugin = _directory.WriteScript("plugin.sh", $"""
            echo run >> "$DIR/runs"
            sleep 0.3
            echo '{TokenOutput("tok-1")}'
            """);
        var invocation = Invocation(Config(plugin));

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => _provider.GetAsync(invocation, CancellationToken.None)));

        Assert.Single(results.Distinct());
        Assert.Equal(1, Runs(_directory));
    }

    [Fact]
    public async Task KeepsCredentialsApartPerCluster()
    {
        var config = Config(WriteRecordingPlugin(_directory, TokenOutput("tok-1")));

        await _provider.GetAsync(Invocation(config, "prod", "https://prod.example.test"), CancellationToken.None);
        await _provider.GetAsync(Invocation(config, "stage", "https://stage.example.test"), CancellationToken.None);

        Assert.Equal(2, Runs(_directory));
    }

    [Fact]
    public async Task RefreshRunsThePluginAgainWhenTheCachedCredentialsWereRejected()
    {
        var invocation = Invocation(Config(WriteRecordingPlugin(_directory, TokenOutput("tok-1"))));
        var rejected = await _provider.GetAsync(invocation, CancellationToken.None);

        var fresh = await _provider.RefreshAsync(invocation, rejected.Credentials, CancellationToken.None);

        Assert.NotSame(rejected, fresh);
        Assert.Equal(2, Runs(_directory));
        Assert.Same(fresh, await _provider.GetAsync(invocation, CancellationToken.None));
    }

    [Fact]
    public async Task RefreshKeepsCredentialsThatAnotherRequestAlreadyReplaced()
    {
        var invocation = Invocation(Config(WriteRecordingPlugin(_directory, TokenOutput("tok-1"))));
        var stale = await _provider.GetAsync(invocation, CancellationToken.None);
        var replaced = await _provider.RefreshAsync(invocation, stale.Credentials, CancellationToken.None);

        var afterSecondRejection = await _provider.RefreshAsync(invocation, stale.Credentials, CancellationToken.None);

        Assert.Same(replaced, afterSecondRejection);
        Assert.Equal(2, Runs(_directory));
    }

    private static string Rfc3339(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
