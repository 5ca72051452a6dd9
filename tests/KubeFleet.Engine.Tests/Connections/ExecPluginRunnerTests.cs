using System.Text;
using KubeFleet.Engine.Connections;
using KubeFleet.Engine.Errors;
using static KubeFleet.Engine.Tests.Connections.ExecPlugins;

namespace KubeFleet.Engine.Tests.Connections;

public sealed class ExecPluginRunnerTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task HandsThePluginClientGosExecInfoWithClusterInfo()
    {
        var plugin = WriteRecordingPlugin(_directory, TokenOutput("tok-1"));
        var config = Config(plugin) with { ProvideClusterInfo = true };
        var access = Access(config) with
        {
            CertificateAuthorityPem = "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n",
            TlsServerName = "api.prod.test",
            ExecClusterConfigJson = """{"audience":"my-audience","clusterName":"prod-1"}""",
        };

        await Runner().RunAsync(new("prod", config, access), CancellationToken.None);

        var caData = Convert.ToBase64String(Encoding.UTF8.GetBytes(access.CertificateAuthorityPem));
        Assert.Equal(
            $$$"""{"kind":"ExecCredential","apiVersion":"client.authentication.k8s.io/v1","spec":{"cluster":{"server":"https://127.0.0.1:29443","tls-server-name":"api.prod.test","certificate-authority-data":"{{{caData}}}","config":{"audience":"my-audience","clusterName":"prod-1"}},"interactive":false}}""" + "\n",
            File.ReadAllText(_directory.File("info.json")));
    }

    [Fact]
    public async Task WithoutProvideClusterInfoTheSpecSaysOnlyWhetherItIsInteractive()
    {
        var plugin = WriteRecordingPlugin(_directory, TokenOutput("tok-1", V1Beta1));

        await Runner().RunAsync(Invocation(Config(plugin, V1Beta1)), CancellationToken.None);

        Assert.Equal(
            """{"kind":"ExecCredential","apiVersion":"client.authentication.k8s.io/v1beta1","spec":{"interactive":false}}""" + "\n",
            File.ReadAllText(_directory.File("info.json")));
    }

    [Fact]
    public async Task PassesArgumentsVerbatimAndAddsTheExecEnvironmentToOurs()
    {
        var plugin = _directory.WriteScript("plugin.sh", $"""
            for argument in "$@"; do echo "[$argument]"; done > "$DIR/args"
            echo "$AWS_PROFILE|$PATH" > "$DIR/env"
            echo '{TokenOutput("tok-1")}'
            """);
        var config = Config(plugin) with
        {
            Args = ["eks", "get-token", "--cluster-name", "prod 1", ""],
            Env = [new ExecEnvVar("AWS_PROFILE", "prod-admin")],
        };

        var result = await Runner().RunAsync(Invocation(config), CancellationToken.None);

        Assert.Equal("tok-1", result.Credentials.BearerToken);
        Assert.Equal(["[eks]", "[get-token]", "[--cluster-name]", "[prod 1]", "[]"], File.ReadAllLines(_directory.File("args")));
        Assert.Equal($"prod-admin|{Environment.GetEnvironmentVariable("PATH")}", File.ReadAllText(_directory.File("env")).TrimEnd());
    }

    [Fact]
    public async Task ResolvesACommandWithAPathAgainstTheKubeconfigFolder()
    {
        WriteRecordingPlugin(_directory, TokenOutput("tok-relative"), "relative-plugin.sh");
        var config = Config("./relative-plugin.sh") with { BaseDirectory = _directory.Path };

        var result = await Runner().RunAsync(Invocation(config), CancellationToken.None);

        Assert.Equal("tok-relative", result.Credentials.BearerToken);
    }

    [Fact]
    public async Task ACommandMissingFromPathIsNotFoundWithItsInstallHint()
    {
        var config = Config("kubefleet-no-such-plugin") with { InstallHint = "Install it with: brew install kubefleet-no-such-plugin" };

        var error = await Assert.ThrowsAsync<KubeFleetException>(() => Runner().RunAsync(Invocation(config), CancellationToken.None));

        Assert.Equal("ExecPluginNotFound", error.ErrorId);
        Assert.Equal(ErrorKind.NotInstalled, error.Kind);
        Assert.Contains("exec: executable kubefleet-no-such-plugin not found", error.Message);
        Assert.Contains("Install it with: brew install kubefleet-no-such-plugin", error.Message);
        Assert.Equal("prod", error.Target);
    }

    [Fact]
    public async Task AMissingPluginPathNamesTheFileItLookedFor()
    {
        var config = Config("./bin/missing-plugin") with { BaseDirectory = _directory.Path };

        var error = await Assert.ThrowsAsync<KubeFleetException>(() => Runner().RunAsync(Invocation(config), CancellationToken.None));

        Assert.Equal("ExecPluginNotFound", error.ErrorId);
        Assert.Contains(Path.Combine(_directory.Path, "bin", "missing-plugin"), error.Message);
    }

    [Fact]
    public async Task AFailingPluginReportsItsExitCodeAndStderrButNotTheSecretsItWasGiven()
    {
        var plugin = _directory.WriteScript("plugin.sh", """
            echo "An error occurred (ExpiredToken): the security token included in the request is expired (key $AWS_SECRET_ACCESS_KEY)" >&2
            exit 3
            """);
        var config = Config(plugin) with { Env = [new ExecEnvVar("AWS_SECRET_ACCESS_KEY", "canary-secret-4f9a")] };

        var error = await Assert.ThrowsAsync<KubeFleetException>(() => Runner().RunAsync(Invocation(config), CancellationToken.None));

        Assert.Equal("ExecPluginFailed", error.ErrorId);
        Assert.Contains($"exec: executable {plugin} failed with exit code 3", error.Message);
        Assert.Contains("An error occurred (ExpiredToken)", error.Message);
        Assert.DoesNotContain("canary-secret-4f9a", error.ToString());
    }

    [Theory]
    [InlineData("""{"apiVersion":"client.authentication.k8s.io/v1beta1","kind":"ExecCredential","status":{"token":"t"}}""", "exec plugin is configured to use API version client.authentication.k8s.io/v1, plugin returned version client.authentication.k8s.io/v1beta1")]
    [InlineData("""{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential"}""", "exec plugin didn't return a status field")]
    [InlineData("""{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{}}""", "exec plugin didn't return a token or cert/key pair")]
    [InlineData("""{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"clientCertificateData":"-----BEGIN CERTIFICATE-----"}}""", "exec plugin returned only certificate or key, not both")]
    [InlineData("""{"apiVersion":"client.authentication.k8s.io/v1","status":{"token":"t","expirationTimestamp":"tomorrow"}}""", "expirationTimestamp \"tomorrow\" is not an RFC 3339 time")]
    [InlineData("""{"apiVersion": """, "decoding stdout:")]
    [InlineData("", "decoding stdout:")]
    public async Task RejectsOutputWithClientGosMessages(string output, string expectedMessage)
    {
        var plugin = WriteRecordingPlugin(_directory, output);

        var error = await Assert.ThrowsAsync<KubeFleetException>(() => Runner().RunAsync(Invocation(Config(plugin)), CancellationToken.None));

        Assert.Equal("ExecPluginInvalidOutput", error.ErrorId);
        Assert.Equal(ErrorKind.InvalidData, error.Kind);
        Assert.Contains(expectedMessage, error.Message);
    }

    [Fact]
    public async Task AcceptsYamlOutputAndReadsTheExpiry()
    {
        var plugin = WriteRecordingPlugin(_directory, """
            apiVersion: client.authentication.k8s.io/v1
            kind: ExecCredential
            status:
              token: tok-yaml
              expirationTimestamp: "2030-03-14T09:40:53Z"
            """);

        var result = await Runner().RunAsync(Invocation(Config(plugin)), CancellationToken.None);

        Assert.Equal("tok-yaml", result.Credentials.BearerToken);
        Assert.Equal(new DateTimeOffset(2030, 3, 14, 9, 40, 53, TimeSpan.Zero), result.ExpiresAt);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AcceptsAClientCertificateAndKey(bool ecdsa)
    {
        using var authority = new TestCertificateAuthority();
        var (certificatePem, keyPem) = authority.IssueClient("exec-user", ecdsa);
        var output = System.Text.Json.JsonSerializer.Serialize(new
        {
            apiVersion = V1,
            kind = "ExecCredential",
            status = new { clientCertificateData = certificatePem, clientKeyData = keyPem },
        });
        var plugin = WriteRecordingPlugin(_directory, output);

        var result = await Runner().RunAsync(Invocation(Config(plugin)), CancellationToken.None);

        Assert.Null(result.Credentials.BearerToken);
        Assert.Equal("CN=exec-user, O=system:masters", result.Credentials.ClientCertificate?.Certificate.Subject);
        Assert.True(result.Credentials.ClientCertificate!.Certificate.HasPrivateKey);
    }

    [Theory]
    [InlineData(ExecInteractiveMode.Never, true, false)]
    [InlineData(ExecInteractiveMode.IfAvailable, false, false)]
    [InlineData(ExecInteractiveMode.IfAvailable, true, true)]
    [InlineData(ExecInteractiveMode.Always, true, true)]
    public async Task TellsThePluginWhetherItMayPrompt(ExecInteractiveMode mode, bool terminal, bool interactive)
    {
        var plugin = WriteRecordingPlugin(_directory, TokenOutput("tok-1"));

        await Runner(terminal).RunAsync(Invocation(Config(plugin, mode: mode)), CancellationToken.None);

        Assert.Contains($"\"interactive\":{(interactive ? "true" : "false")}", File.ReadAllText(_directory.File("info.json")));
    }

    [Fact]
    public async Task APluginThatMustPromptFailsWithoutATerminalAndIsNotRun()
    {
        var plugin = WriteRecordingPlugin(_directory, TokenOutput("tok-1"));

        var error = await Assert.ThrowsAsync<KubeFleetException>(
            () => Runner(terminal: false).RunAsync(Invocation(Config(plugin, mode: ExecInteractiveMode.Always)), CancellationToken.None));

        Assert.Equal("ExecPluginNeedsTerminal", error.ErrorId);
        Assert.Contains("exec plugin cannot support interactive mode: standard input is not a terminal", error.Message);
        Assert.Equal(0, Runs(_directory));
    }

    [Fact]
    public async Task AHungPluginIsStoppedAtTheTimeoutWithWhatItPrinted()
    {
        var plugin = _directory.WriteScript("plugin.sh", """
            echo "waiting for MFA code" >&2
            sleep 30
            """);

        var error = await Assert.ThrowsAsync<KubeFleetException>(
            () => Runner(timeoutSeconds: 1).RunAsync(Invocation(Config(plugin)), CancellationToken.None));

        Assert.Equal("ExecPluginTimedOut", error.ErrorId);
        Assert.Equal(ErrorKind.OperationTimeout, error.Kind);
        Assert.Contains("waiting for MFA code", error.Message);
    }

    [Fact]
    public async Task CancellingStopsThePluginAndCancels()
    {
        var plugin = _directory.WriteScript("plugin.sh", "sleep 30");
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Runner().RunAsync(Invocation(Config(plugin)), cancellation.Token));
    }
}
