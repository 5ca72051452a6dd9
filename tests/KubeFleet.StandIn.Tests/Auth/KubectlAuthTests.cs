using System.Text.Json;
using KubeFleet.StandIn.ExecPlugin;
using KubeFleet.StandIn.Hosting;
using KubeFleet.StandIn.Hosting.Kubeconfigs;
using KubeFleet.StandIn.Security;
using KubeFleet.StandIn.Tests.Kubectl;

namespace KubeFleet.StandIn.Tests.Auth;

/// <summary>
/// Authentication and authorization as the real kubectl sees them: every credential shape signs
/// in, and kubectl prints exactly what it prints for a real API server.
/// </summary>
public sealed class KubectlAuthTests(AuthFleet fleet) : IClassFixture<AuthFleet>, IDisposable
{
    private readonly TemporaryFolder folder = new();

    public void Dispose() => folder.Dispose();

    [KubectlFact]
    public async Task VersionPrintsTheServersVersion()
    {
        var result = await KubectlBinary.ForMinor().RunAsync(Kubeconfig(fleet.Open, UserNames.Admin, CredentialStyle.Embedded), "version");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal($"Server Version: {fleet.Open.Version}", result.StdoutLines[^1]);
        Assert.Equal("", result.Stderr);
    }

    [KubectlFact]
    public async Task VersionWarnsAboutSkewBeyondOneMinor()
    {
        var result = await KubectlBinary.ForMinor().RunAsync(Kubeconfig(fleet.Closed, UserNames.Admin, CredentialStyle.Embedded), "version");

        Assert.Equal($"Server Version: {fleet.Closed.Version}", result.StdoutLines[^1]);
        Assert.StartsWith("v1.30.", fleet.Closed.Version, StringComparison.Ordinal);
        Assert.Equal("WARNING: version difference between client (1.32) and server (1.30) exceeds the supported minor version skew of +/-1\n", result.Stderr);
    }

    [KubectlTheory]
    [InlineData(UserNames.Admin, CredentialStyle.Embedded)]
    [InlineData(UserNames.Admin, CredentialStyle.Files)]
    [InlineData(UserNames.Viewer, CredentialStyle.Embedded)]
    [InlineData(UserNames.Viewer, CredentialStyle.Files)]
    [InlineData(UserNames.ExecAdmin, CredentialStyle.ExecV1)]
    [InlineData(UserNames.Scoped, CredentialStyle.ExecV1Beta1)]
    [InlineData(UserNames.ExecAdmin, CredentialStyle.Eks)]
    public async Task EveryCredentialShapeSignsInAsItsUser(string user, CredentialStyle style)
    {
        var plugin = fleet.Fleet.InstallExecPlugin(folder.File("plugin"));
        var kubeconfig = new KubeconfigBuilder(plugin).Add(fleet.Open, fleet.Open.Users[user], style).WriteTo(folder.File("config"));

        var result = await KubectlBinary.ForMinor().RunAsync(
            new KubectlRun(kubeconfig, ["auth", "whoami", "-o", "jsonpath={.status.userInfo.username}"]) { PathPrefix = plugin.Folder });

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(user, result.Stdout);
    }

    [KubectlFact]
    public async Task ExecV1PluginIsGivenTheClusterItAsksFor()
    {
        var plugin = fleet.Fleet.InstallExecPlugin(folder.File("plugin"), new ExecPluginOptions { RecordFile = folder.File("record.jsonl") });
        var kubeconfig = new KubeconfigBuilder(plugin).Add(fleet.Open, fleet.Open.Users.ExecAdmin, CredentialStyle.ExecV1).WriteTo(folder.File("config"));

        var result = await KubectlBinary.ForMinor().RunAsync(kubeconfig, "auth", "whoami");

        Assert.Equal(0, result.ExitCode);
        var run = SingleRecord();
        var info = JsonDocument.Parse(run.GetProperty("execInfo").GetString()!).RootElement;
        Assert.Equal("client.authentication.k8s.io/v1", info.GetProperty("apiVersion").GetString());
        var cluster = info.GetProperty("spec").GetProperty("cluster");
        Assert.Equal(fleet.Open.Server.ToString().TrimEnd('/'), cluster.GetProperty("server").GetString());
        Assert.Equal(fleet.Open.CertificateAuthorityPem, System.Text.Encoding.UTF8.GetString(cluster.GetProperty("certificate-authority-data").GetBytesFromBase64()));
        Assert.Equal(fleet.Open.Name, cluster.GetProperty("config").GetProperty("clusterName").GetString());
        Assert.False(info.GetProperty("spec").GetProperty("interactive").GetBoolean());
        Assert.False(run.GetProperty("stdinIsTerminal").GetBoolean());
    }

    [KubectlFact]
    public async Task EksKubeconfigRunsAwsWithTheArgumentsUpdateKubeconfigWrites()
    {
        var plugin = fleet.Fleet.InstallExecPlugin(folder.File("plugin"), new ExecPluginOptions { RecordFile = folder.File("record.jsonl") });
        var kubeconfig = new KubeconfigBuilder(plugin)
            .Add(new KubeconfigEntry(fleet.Open, fleet.Open.Users.ExecAdmin, CredentialStyle.Eks) { EksRegion = "ap-southeast-1" })
            .WriteTo(folder.File("config"));

        var result = await KubectlBinary.ForMinor().RunAsync(
            new KubectlRun(kubeconfig, ["auth", "whoami", "-o", "jsonpath={.status.userInfo.username}"])
            {
                PathPrefix = plugin.Folder,
                Environment = new Dictionary<string, string> { ["AWS_PROFILE"] = "prod", ["AWS_SECRET_ACCESS_KEY"] = "canary-secret" },
            });

        Assert.Equal(UserNames.ExecAdmin, result.Stdout);
        var run = SingleRecord();
        var arguments = run.GetProperty("args").EnumerateArray().Select(a => a.GetString()).ToList();
        Assert.Equal(["--aws", "--region", "ap-southeast-1", "eks", "get-token", "--cluster-name", fleet.Open.Name, "--output", "json"], arguments.SkipWhile(a => a != "--aws"));
        Assert.Equal("""{"kind":"ExecCredential","apiVersion":"client.authentication.k8s.io/v1beta1","spec":{"interactive":false}}""", run.GetProperty("execInfo").GetString()!.TrimEnd('\n'));
        Assert.Equal("prod", run.GetProperty("env").GetProperty("AWS_PROFILE").GetString());
        Assert.StartsWith("sha256:", run.GetProperty("env").GetProperty("AWS_SECRET_ACCESS_KEY").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("canary-secret", File.ReadAllText(folder.File("record.jsonl")), StringComparison.Ordinal);
    }

    [KubectlTheory]
    [InlineData(UserNames.Scoped, "x", "no", 1)]
    [InlineData(UserNames.Scoped, UserNames.ScopedNamespace, "yes", 0)]
    [InlineData(UserNames.Admin, "x", "yes", 0)]
    [InlineData(UserNames.Viewer, "x", "yes", 0)]
    public async Task CanIListPodsAnswersForTheUser(string user, string @namespace, string answer, int exitCode)
    {
        var kubeconfig = Kubeconfig(fleet.Open, user, CredentialStyle.Embedded);

        var result = await KubectlBinary.ForMinor().RunAsync(kubeconfig, "auth", "can-i", "list", "pods", "-n", @namespace);

        Assert.Equal(answer + "\n", result.Stdout);
        Assert.Equal(exitCode, result.ExitCode);
    }

    [KubectlTheory]
    [InlineData("cluster-01", UserNames.Admin, "default")]
    [InlineData("cluster-01", UserNames.Viewer, "default")]
    [InlineData("cluster-02", UserNames.Viewer, "default")]
    [InlineData("cluster-01", UserNames.Scoped, UserNames.ScopedNamespace)]
    [InlineData("cluster-01", UserNames.Scoped, "default")]
    public async Task CanIListPrintsTheUsersRules(string clusterName, string user, string @namespace)
    {
        var cluster = fleet.Fleet[clusterName];
        var holder = cluster.Users[user];
        var rules = cluster.Access.RulesFor(new UserInfo(holder.Name, holder.Uid, [.. holder.Groups, UserNames.Authenticated]), @namespace);
        var expected = rules.ResourceRules
            .SelectMany(r => r.ApiGroups.SelectMany(g => r.Resources.Select(resource => Row(
                g == "*" && resource == "*" ? "*.*" : g.Length == 0 ? resource : $"{resource}.{g}", "[]", List(r.ResourceNames), List(r.Verbs)))))
            .Concat(rules.NonResourceRules.SelectMany(r => r.NonResourceUrls.Select(url => Row($"[{url}]", "[]", List(r.Verbs)))))
            .Order(StringComparer.Ordinal);

        var result = await KubectlBinary.ForMinor().RunAsync(Kubeconfig(cluster, user, CredentialStyle.Embedded), "auth", "can-i", "--list", "-n", @namespace);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("Resources Non-Resource URLs Resource Names Verbs", Row(result.StdoutLines[0]));
        Assert.Equal(expected, result.StdoutLines.Skip(1).Select(line => Row(line)).Order(StringComparer.Ordinal));
    }

    [KubectlFact]
    public async Task ViewerRulesFollowWhatEachClusterServes()
    {
        var withCustomResource = await KubectlBinary.ForMinor().RunAsync(Kubeconfig(fleet.Open, UserNames.Viewer, CredentialStyle.Embedded), "auth", "can-i", "--list");
        var without = await KubectlBinary.ForMinor().RunAsync(Kubeconfig(fleet.Closed, UserNames.Viewer, CredentialStyle.Embedded), "auth", "can-i", "--list");

        Assert.Contains(withCustomResource.StdoutLines, line => line.StartsWith("certificates.cert-manager.io ", StringComparison.Ordinal));
        Assert.DoesNotContain(without.StdoutLines, line => line.StartsWith("certificates.cert-manager.io ", StringComparison.Ordinal));
        Assert.DoesNotContain(withCustomResource.StdoutLines, line => line.StartsWith("secrets ", StringComparison.Ordinal));
    }

    [KubectlTheory]
    [InlineData("auth", "whoami")]
    [InlineData("get", "--raw", "/api/v1/namespaces")]
    public async Task BadTokenPrintsYouMustBeLoggedIn(params string[] arguments)
    {
        var kubeconfig = new KubeconfigBuilder().Add(fleet.Open, fleet.Open.Users.Viewer, CredentialStyle.Embedded).ToYaml()
            .Replace(fleet.Open.Users.Viewer.Token!, "not-a-valid-token", StringComparison.Ordinal);
        File.WriteAllText(folder.File("config"), kubeconfig);

        var result = await KubectlBinary.ForMinor().RunAsync(folder.File("config"), arguments);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: You must be logged in to the server (Unauthorized)\n", result.Stderr);
    }

    [KubectlTheory]
    [InlineData(UserNames.Scoped, "pods", "kube-system")]
    [InlineData(UserNames.Viewer, "secrets", UserNames.ScopedNamespace)]
    public async Task ListTheRulesDoNotAllowIsForbiddenWithTheServersMessage(string user, string resource, string @namespace)
    {
        var result = await KubectlBinary.ForMinor().RunAsync(Kubeconfig(fleet.Open, user, CredentialStyle.Embedded), "get", resource, "-n", @namespace);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            $"Error from server (Forbidden): {resource} is forbidden: User \"{user}\" cannot list resource \"{resource}\" in API group \"\" in the namespace \"{@namespace}\"\n",
            result.Stderr);
    }

    [KubectlFact]
    public async Task TlsServerNameInTheCertificateConnects()
    {
        var kubeconfig = new KubeconfigBuilder()
            .Add(new KubeconfigEntry(fleet.Open, fleet.Open.Users.Viewer, CredentialStyle.Embedded) { TlsServerName = AuthFleet.ExtraServerName })
            .WriteTo(folder.File("config"));

        var result = await KubectlBinary.ForMinor().RunAsync(kubeconfig, "auth", "whoami", "-o", "jsonpath={.status.userInfo.username}");

        Assert.Equal("viewer", result.Stdout);
    }

    [KubectlFact]
    public async Task TlsServerNameMismatchFailsCertificateVerification()
    {
        var kubeconfig = new KubeconfigBuilder()
            .Add(new KubeconfigEntry(fleet.Open, fleet.Open.Users.Viewer, CredentialStyle.Embedded) { TlsServerName = "wrong-name.test" })
            .WriteTo(folder.File("config"));

        var result = await KubectlBinary.ForMinor().RunAsync(kubeconfig, "auth", "whoami");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            $"Unable to connect to the server: tls: failed to verify certificate: x509: certificate is valid for localhost, {AuthFleet.ExtraServerName}, not wrong-name.test\n",
            result.Stderr);
    }

    private string Kubeconfig(StandInCluster cluster, string user, CredentialStyle style) =>
        new KubeconfigBuilder().Add(cluster, cluster.Users[user], style).WriteTo(folder.File($"{cluster.Name}.{user}.{style}.kubeconfig"));

    private JsonElement SingleRecord() => JsonDocument.Parse(Assert.Single(File.ReadAllLines(folder.File("record.jsonl")))).RootElement;

    private static string List(IReadOnlyList<string> values) => $"[{string.Join(' ', values)}]";

    // kubectl aligns columns with spaces; the words of a row are what it says.
    private static string Row(params string[] cells) => string.Join(' ', string.Join(' ', cells).Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
