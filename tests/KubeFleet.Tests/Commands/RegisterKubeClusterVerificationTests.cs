using System.Collections;
using System.Management.Automation;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using KubeFleet.Commands;
using KubeFleet.Hosting;
using KubeFleet.StandIn.Faults;
using KubeFleet.StandIn.Hosting;
using KubeFleet.StandIn.Hosting.Kubeconfigs;
using KubeFleet.StandIn.Security;
using KubeFleet.Tests.Harness;

namespace KubeFleet.Tests.Commands;

/// <summary>Register-KubeCluster verifying against stand-in clusters: every credential kind, every context choice, every failure class.</summary>
[Collection(KubeClusterStandInCollection.Name)]
public sealed class RegisterKubeClusterVerificationTests(KubeClusterStandInFleet fleet) : IAsyncLifetime
{
    private const string AwsSecret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    private readonly KubeClusterTestBed bed = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await fleet.ClearFaultsAsync();
        bed.Dispose();
    }

    [Theory]
    [InlineData("admin", CredentialStyle.Embedded, "ClientCertificate")]
    [InlineData("admin", CredentialStyle.Files, "ClientCertificate")]
    [InlineData("viewer", CredentialStyle.Embedded, "Token")]
    [InlineData("viewer", CredentialStyle.Files, "Token")]
    [InlineData("exec-admin", CredentialStyle.ExecV1, "Exec")]
    [InlineData("exec-admin", CredentialStyle.ExecV1Beta1, "Exec")]
    public void Each_credential_kind_is_verified_and_its_facts_recorded(string userName, CredentialStyle style, string authKind)
    {
        var user = fleet.One.Users[userName];
        var path = fleet.Kubeconfig(bed, fleet.One, user, style);

        var run = Register("one", path, "PassThru");

        Assert.Empty(run.Errors);
        var cluster = Assert.Single(run.OutputOf<KubeCluster>());
        Assert.Equal(fleet.One.Uid, cluster.ClusterUid);
        Assert.Equal(fleet.One.Version, cluster.Version);
        Assert.Equal(authKind, cluster.AuthKind);
        Assert.Equal(userName, cluster.User);
        Assert.Equal(authKind == "ClientCertificate", cluster.CertificateNotAfter is not null);
        Assert.Contains(run.Verbose, line => line.StartsWith($"Verified cluster 'one': Kubernetes {fleet.One.Version}, kube-system UID {fleet.One.Uid}", StringComparison.Ordinal));
        var secrets = SecretsOf(user);
        KubeClusterTestBed.AssertNoSecretIn(run, secrets);
        Assert.All(secrets, secret => Assert.DoesNotContain(secret, bed.ProfileText, StringComparison.Ordinal));
    }

    [Fact]
    public void An_exec_registration_names_the_program_the_plugin_runs()
    {
        var run = Register("one", fleet.Kubeconfig(bed, fleet.One, fleet.One.Users.ExecAdmin, CredentialStyle.ExecV1Beta1));

        Assert.Contains(run.Verbose, line => line.Contains($"which KubeFleet runs for tokens as: {fleet.Plugin.PluginPath} --user exec-admin --cluster cluster-01", StringComparison.Ordinal));
    }

    [Fact]
    public void The_EKS_kubeconfig_as_aws_writes_it_registers_without_hand_edits()
    {
        var path = fleet.Kubeconfig(bed, fleet.One, fleet.One.Users.ExecAdmin, CredentialStyle.Eks);
        var secret = new NetworkCredential("", AwsSecret).SecurePassword;

        var run = bed.Harness<RegisterKubeClusterCommand>().With("Name", "shop").With("KubeConfigPath", path)
            .With("ExecEnvironment", new Hashtable { ["AWS_ACCESS_KEY_ID"] = "AKIAIOSFODNN7EXAMPLE", ["AWS_SECRET_ACCESS_KEY"] = secret })
            .WithSwitch("PassThru").Invoke();

        Assert.Empty(run.Errors);
        var cluster = Assert.Single(run.OutputOf<KubeCluster>());
        Assert.Equal(("Exec", "exec-admin", fleet.One.Uid), (cluster.AuthKind, cluster.User, cluster.ClusterUid));
        Assert.Equal("arn:aws:eks:eu-west-1:111122223333:cluster/cluster-01", cluster.ContextName);
        Assert.Contains(run.Verbose, line => line.Contains("runs for tokens as: aws --region eu-west-1 eks get-token --cluster-name cluster-01 --output json", StringComparison.Ordinal));
        Assert.Equal(Sha256(AwsSecret), (string?)fleet.LastPluginEnvironment()["AWS_SECRET_ACCESS_KEY"]);
        Assert.DoesNotContain(AwsSecret, bed.ProfileText, StringComparison.Ordinal);
        KubeClusterTestBed.AssertNoSecretIn(run, AwsSecret);
    }

    [Fact]
    public void The_EKS_kubeconfig_with_the_Karpor_pages_hand_edits_registers_and_its_keys_are_sealed()
    {
        var path = fleet.Kubeconfig(bed, fleet.One, fleet.One.Users.ExecAdmin, CredentialStyle.Eks);
        var lines = File.ReadAllLines(path).ToList();
        var command = lines.FindIndex(line => line.TrimStart() == "command: aws");
        var indent = new string(' ', lines[command].Length - lines[command].TrimStart().Length);
        lines.InsertRange(command + 1, new[]
        {
            "env:", "- name: AWS_ACCESS_KEY_ID", "  value: AKIAIOSFODNN7EXAMPLE", "- name: AWS_SECRET_ACCESS_KEY", $"  value: {AwsSecret}",
            "- name: AWS_DEFAULT_REGION", "  value: eu-west-1", "- name: AWS_DEFAULT_OUTPUT", "  value: json",
            "interactiveMode: IfAvailable", "provideClusterInfo: false",
        }.Select(line => indent + line));
        File.WriteAllLines(path, lines);

        var run = Register("shop", path, "PassThru");

        Assert.Empty(run.Errors);
        Assert.Equal(fleet.One.Uid, Assert.Single(run.OutputOf<KubeCluster>()).ClusterUid);
        var environment = fleet.LastPluginEnvironment();
        Assert.Equal(Sha256(AwsSecret), (string?)environment["AWS_SECRET_ACCESS_KEY"]);
        Assert.Equal("eu-west-1", (string?)environment["AWS_DEFAULT_REGION"]);
        Assert.Contains(run.Verbose, line => line.Contains("AWS_SECRET_ACCESS_KEY (from the kubeconfig)", StringComparison.Ordinal));
        Assert.DoesNotContain(AwsSecret, bed.ProfileText, StringComparison.Ordinal);
        KubeClusterTestBed.AssertNoSecretIn(run, AwsSecret);
    }

    [Fact]
    public void Without_Context_the_current_context_is_used_and_Context_picks_another()
    {
        var path = new KubeconfigBuilder().Add(fleet.One, fleet.One.Users.Viewer, CredentialStyle.Embedded)
            .Add(fleet.Two, fleet.Two.Users.Viewer, CredentialStyle.Embedded).UseContext("viewer@cluster-02")
            .WriteTo(Path.Combine(bed.Directory, "two.kubeconfig"));

        var current = Register("current", path, "PassThru");
        var named = bed.Harness<RegisterKubeClusterCommand>().With("Name", "named").With("KubeConfigPath", path).With("Context", "viewer@cluster-01").WithSwitch("PassThru").Invoke();

        Assert.Equal(fleet.Two.Uid, Assert.Single(current.OutputOf<KubeCluster>()).ClusterUid);
        Assert.StartsWith("Using context 'viewer@cluster-02' (the kubeconfig's current context)", current.Verbose[0]);
        Assert.Equal(fleet.One.Uid, Assert.Single(named.OutputOf<KubeCluster>()).ClusterUid);
    }

    [Fact]
    public void AllContexts_verifies_every_context_and_registers_the_ones_that_pass()
    {
        var path = new KubeconfigBuilder()
            .Add(fleet.One, fleet.One.Users.Viewer, CredentialStyle.Embedded)
            .Add(fleet.Two, fleet.Two.Users.Admin, CredentialStyle.Embedded)
            .Add(fleet.Three, fleet.Three.Users.Scoped, CredentialStyle.Embedded)
            .WriteTo(Path.Combine(bed.Directory, "fleet.kubeconfig"));

        var run = bed.Harness<RegisterKubeClusterCommand>().WithSwitch("AllContexts").With("KubeConfigPath", path).WithSwitch("PassThru").Invoke();

        Assert.Equal(["viewer-cluster-01", "admin-cluster-02"], run.OutputOf<KubeCluster>().Select(cluster => cluster.Name));
        Assert.Equal([fleet.One.Uid, fleet.Two.Uid], run.OutputOf<KubeCluster>().Select(cluster => cluster.ClusterUid));
        var refused = Assert.Single(run.Errors);
        Assert.Equal("ClusterForbidden", refused.ErrorId);
        Assert.Equal("scoped-cluster-03", refused.Target);
    }

    [Fact]
    public void The_same_cluster_under_a_second_name_is_refused_naming_the_first_unless_Force()
    {
        Assert.Empty(Register("first", fleet.Kubeconfig(bed, fleet.One, fleet.One.Users.Viewer, CredentialStyle.Embedded, "viewer.kubeconfig")).Errors);
        var admin = fleet.Kubeconfig(bed, fleet.One, fleet.One.Users.Admin, CredentialStyle.Embedded, "admin.kubeconfig");

        var refused = Register("second", admin);
        var forced = Register("second", admin, "Force");

        var error = Assert.Single(refused.Errors);
        Assert.Equal("RegisterKubeClusterDuplicateCluster", error.ErrorId);
        Assert.Equal(ErrorCategory.ResourceExists, error.Category);
        Assert.Contains("already registered as 'first'", error.Message);
        Assert.Empty(forced.Errors);
        Assert.Contains(forced.Warnings, warning => warning.Contains("the same cluster as 'first'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_credential_the_cluster_rejects_is_ClusterUnauthorized()
    {
        var path = bed.WriteFile("bad-token.kubeconfig", new KubeconfigBuilder().Add(fleet.One, fleet.One.Users.Viewer, CredentialStyle.Embedded).ToYaml()
            .Replace(fleet.One.Users.Viewer.Token!, "not-a-token", StringComparison.Ordinal));

        AssertRefused(Register("one", path), "ClusterUnauthorized", ErrorCategory.AuthenticationError);
    }

    [Fact]
    public void A_credential_that_may_not_read_kube_system_is_ClusterForbidden_and_says_what_to_grant()
    {
        var error = AssertRefused(Register("one", fleet.Kubeconfig(bed, fleet.One, fleet.One.Users.Scoped, CredentialStyle.Embedded)), "ClusterForbidden", ErrorCategory.PermissionDenied);

        Assert.Contains("allow 'get' on namespaces/kube-system", error.Message);
    }

    [Fact]
    public void A_server_certificate_from_another_authority_is_ClusterCertificateUntrusted()
    {
        var path = bed.WriteFile("other-ca.kubeconfig", new KubeconfigBuilder().Add(fleet.One, fleet.One.Users.Viewer, CredentialStyle.Embedded).ToYaml()
            .Replace(Base64(fleet.One.CertificateAuthorityPem), Base64(fleet.Two.CertificateAuthorityPem), StringComparison.Ordinal));

        AssertRefused(Register("one", path), "ClusterCertificateUntrusted", ErrorCategory.SecurityError);
    }

    [Fact]
    public void A_server_certificate_for_another_name_is_ClusterHostnameMismatch()
    {
        var path = fleet.Kubeconfig(bed, new KubeconfigEntry(fleet.One, fleet.One.Users.Viewer, CredentialStyle.Embedded) { TlsServerName = "wrong.example" });

        AssertRefused(Register("one", path), "ClusterHostnameMismatch", ErrorCategory.SecurityError);
    }

    [Fact]
    public void An_expired_server_certificate_is_ClusterServerCertificateExpired()
    {
        var path = fleet.Kubeconfig(bed, fleet.One, fleet.One.Users.Viewer, CredentialStyle.Embedded);
        fleet.One.Faults.ServerCertificate = ServerCertificateFault.Expired;

        AssertRefused(Register("one", path), "ClusterServerCertificateExpired", ErrorCategory.SecurityError);
    }

    [Fact]
    public void An_expired_client_certificate_is_refused_before_connecting()
    {
        var now = DateTimeOffset.UtcNow;
        var expired = fleet.One.CertificateAuthority.IssueClientCertificate("admin", ["system:masters"], now.AddDays(-30), now.AddDays(-1));
        var path = bed.WriteFile("expired.kubeconfig", CertificateKubeconfig(fleet.One, expired));

        var error = AssertRefused(Register("one", path), "ClusterClientCertificateExpired", ErrorCategory.AuthenticationError);

        Assert.Contains("expired on", error.Message);
    }

    [Fact]
    public void A_host_name_that_does_not_resolve_is_ClusterDnsFailed()
    {
        var run = bed.Harness<RegisterKubeClusterCommand>().With("Name", "one").With("KubeConfigPath", fleet.Kubeconfig(bed, fleet.One, fleet.One.Users.Viewer, CredentialStyle.Embedded))
            .With("Server", "https://kubernetes.kubefleet.invalid:6443").Invoke();

        AssertRefused(run, "ClusterDnsFailed", ErrorCategory.ConnectionError);
    }

    [Fact]
    public async Task A_cluster_that_is_down_is_ClusterConnectionRefused()
    {
        var path = fleet.Kubeconfig(bed, fleet.One, fleet.One.Users.Viewer, CredentialStyle.Embedded);
        await fleet.One.Faults.ClosePortAsync();

        AssertRefused(Register("one", path), "ClusterConnectionRefused", ErrorCategory.ConnectionError);
    }

    [Fact]
    public void A_cluster_that_fails_its_reads_is_ClusterServerError()
    {
        var path = fleet.Kubeconfig(bed, fleet.One, fleet.One.Users.Viewer, CredentialStyle.Embedded);
        fleet.One.Faults.FailAllRequests();

        AssertRefused(Register("one", path), "ClusterServerError", ErrorCategory.ResourceUnavailable);
    }

    [Fact]
    public void An_exec_plugin_that_is_not_installed_is_ExecPluginNotFound()
    {
        var path = fleet.Kubeconfig(bed, fleet.One, fleet.One.Users.ExecAdmin, CredentialStyle.ExecV1);
        File.WriteAllText(path, File.ReadAllText(path).Replace(fleet.Plugin.PluginPath, "/opt/kubefleet-missing/plugin", StringComparison.Ordinal));

        AssertRefused(Register("one", path), "ExecPluginNotFound", ErrorCategory.NotInstalled);
    }

    [Fact]
    public void An_exec_plugin_that_fails_is_ExecPluginFailed_with_what_it_said()
    {
        var path = new KubeconfigBuilder(fleet.FailingPlugin(bed)).Add(fleet.One, fleet.One.Users.ExecAdmin, CredentialStyle.ExecV1).WriteTo(Path.Combine(bed.Directory, "failing.kubeconfig"));

        var error = AssertRefused(Register("one", path), "ExecPluginFailed", null);

        Assert.Contains("no credentials configured", error.Message);
    }

    private CmdletRun Register(string name, string kubeConfigPath, params string[] switches)
    {
        var harness = bed.Harness<RegisterKubeClusterCommand>().With("Name", name).With("KubeConfigPath", kubeConfigPath);
        foreach (var switchName in switches)
        {
            harness = harness.WithSwitch(switchName);
        }

        return harness.Invoke();
    }

    /// <summary>Asserts the registration failed with the id (and category, when given), as a non-terminating error, and saved nothing.</summary>
    private CmdletError AssertRefused(CmdletRun run, string errorId, ErrorCategory? category)
    {
        var error = Assert.Single(run.Errors);
        Assert.Equal(errorId, error.ErrorId);
        if (category is { } expected)
        {
            Assert.Equal(expected, error.Category);
        }

        Assert.Null(run.TerminatingError);
        Assert.Empty(run.Output);
        Assert.DoesNotContain("\"name\": \"one\"", bed.ProfileText, StringComparison.Ordinal);
        KubeClusterTestBed.AssertNoSecretIn(run, SecretsOf(fleet.One.Users.Viewer));
        return error;
    }

    private static string[] SecretsOf(StandInUser user) =>
        user.Token is { } token ? [token]
        : user.ClientCertificate is { } certificate ? [KeyBody(certificate.PrivateKeyPem)]
        : [];

    // A line from the middle of the key's base64, which no other text could hold.
    private static string KeyBody(string keyPem) => keyPem.Split('\n', StringSplitOptions.RemoveEmptyEntries)[1];

    private static string CertificateKubeconfig(StandInCluster cluster, IssuedCertificate certificate) => $"""
        apiVersion: v1
        kind: Config
        clusters:
        - name: c
          cluster:
            server: {cluster.Server.ToString().TrimEnd('/')}
            certificate-authority-data: {Base64(cluster.CertificateAuthorityPem)}
        users:
        - name: u
          user:
            client-certificate-data: {Base64(certificate.CertificatePem)}
            client-key-data: {Base64(certificate.PrivateKeyPem)}
        contexts:
        - name: ctx
          context: {"{"}cluster: c, user: u{"}"}
        current-context: ctx
        """;

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    private static string Sha256(string text) => "sha256:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text))).ToLowerInvariant();
}
