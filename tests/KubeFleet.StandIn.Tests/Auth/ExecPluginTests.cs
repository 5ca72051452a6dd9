using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using KubeFleet.StandIn.ExecPlugin;
using KubeFleet.StandIn.Security;
using KubeFleet.StandIn.Tests.Kubectl;

namespace KubeFleet.StandIn.Tests.Auth;

/// <summary>The exec plugin as client-go runs it: environment in, ExecCredential out.</summary>
public sealed class ExecPluginTests(AuthFleet fleet) : IClassFixture<AuthFleet>, IDisposable
{
    private readonly TemporaryFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task WithoutExecInfoItAnswersV1Beta1LikeAwsCli()
    {
        var plugin = fleet.Fleet.InstallExecPlugin(folder.File("plugin"));

        var (exitCode, stdout, _) = await RunAsync(plugin.PluginPath, ["--user", UserNames.Viewer], execInfo: null);

        Assert.Equal(0, exitCode);
        var credential = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal("client.authentication.k8s.io/v1beta1", credential.GetProperty("apiVersion").GetString());
        Assert.Equal("ExecCredential", credential.GetProperty("kind").GetString());
        using var client = ClusterClients.For(fleet.Open, token: credential.GetProperty("status").GetProperty("token").GetString());
        Assert.Equal("viewer", (await Reviews.WhoAmIAsync(client)).Name);
    }

    [Fact]
    public async Task ItAnswersTheVersionExecInfoAsksForAndReportsExpiry()
    {
        var plugin = fleet.Fleet.InstallExecPlugin(folder.File("plugin"), new ExecPluginOptions { TokenLifetime = TimeSpan.FromMinutes(5) });
        var before = DateTimeOffset.UtcNow;

        var (_, stdout, _) = await RunAsync(plugin.PluginPath, [], """{"kind":"ExecCredential","apiVersion":"client.authentication.k8s.io/v1","spec":{"interactive":false}}""");

        var credential = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal("client.authentication.k8s.io/v1", credential.GetProperty("apiVersion").GetString());
        var expires = DateTimeOffset.Parse(credential.GetProperty("status").GetProperty("expirationTimestamp").GetString()!, CultureInfo.InvariantCulture);
        Assert.InRange(expires, before.AddMinutes(5).AddSeconds(-1), DateTimeOffset.UtcNow.AddMinutes(5));
    }

    [Fact]
    public async Task TokenForTheClusterInExecInfoIsRefusedByOtherClusters()
    {
        var plugin = fleet.Fleet.InstallExecPlugin(folder.File("plugin"));
        var execInfo = JsonSerializer.Serialize(new
        {
            kind = "ExecCredential",
            apiVersion = "client.authentication.k8s.io/v1",
            spec = new { cluster = new { server = fleet.Closed.Server.ToString(), config = new { clusterName = fleet.Closed.Name } }, interactive = false },
        });

        var (_, stdout, _) = await RunAsync(plugin.PluginPath, [], execInfo);

        var token = JsonDocument.Parse(stdout).RootElement.GetProperty("status").GetProperty("token").GetString();
        using var own = ClusterClients.For(fleet.Closed, token: token);
        using var other = ClusterClients.For(fleet.Open, token: token);
        Assert.Equal(UserNames.ExecAdmin, (await Reviews.WhoAmIAsync(own)).Name);
        Assert.Equal(401, (int)(await other.GetAsync("/version")).StatusCode);
    }

    [Fact]
    public async Task AwsRefusesWhatGetTokenDoesNotTake()
    {
        var plugin = fleet.Fleet.InstallExecPlugin(folder.File("plugin"));

        var (exitCode, stdout, stderr) = await RunAsync(plugin.AwsPath, ["--region", "eu-west-1", "eks", "describe-cluster", "--name", "x"], execInfo: null);

        Assert.Equal(2, exitCode);
        Assert.Equal("", stdout);
        Assert.Contains("only answers 'eks get-token'", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BrokenPluginExitsWithItsCodeAndStderr()
    {
        var plugin = fleet.Fleet.InstallExecPlugin(folder.File("plugin"), new ExecPluginOptions { FailWithExitCode = 3, Stderr = "no credentials found" });

        var (exitCode, stdout, stderr) = await RunAsync(plugin.PluginPath, [], execInfo: null);

        Assert.Equal(3, exitCode);
        Assert.Equal("", stdout);
        Assert.Equal("no credentials found\n", stderr);
    }

    [Theory]
    [InlineData("""{"apiVersion":"client.authentication.k8s.io/v1alpha1"}""", "client.authentication.k8s.io/v1alpha1")]
    [InlineData("""{"apiVersion":1,"spec":"none"}""", "API version ''")]
    [InlineData("not json", "KUBERNETES_EXEC_INFO is not JSON")]
    public async Task ExecInfoItCannotAnswerIsAnError(string execInfo, string complaint)
    {
        var plugin = fleet.Fleet.InstallExecPlugin(folder.File("plugin"));

        var (exitCode, stdout, stderr) = await RunAsync(plugin.PluginPath, [], execInfo);

        Assert.Equal(1, exitCode);
        Assert.Equal("", stdout);
        Assert.Contains(complaint, stderr, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string path, string[] arguments, string? execInfo)
    {
        var start = new ProcessStartInfo(path) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove("KUBERNETES_EXEC_INFO");
        if (execInfo is not null)
        {
            start.Environment["KUBERNETES_EXEC_INFO"] = execInfo;
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        return (process.ExitCode, await stdout, await stderr);
    }
}
