using System.Collections;
using System.Management.Automation;
using System.Net;
using KubeFleet.Commands;

namespace KubeFleet.Tests.Commands;

/// <summary>Register-KubeCluster in each parameter set, without a cluster to answer (verification against clusters: the stand-in tests).</summary>
public sealed class RegisterKubeClusterCommandTests : IDisposable
{
    private const string Server = "https://10.9.8.7:6443";

    private readonly KubeClusterTestBed bed = new();

    public void Dispose() => bed.Dispose();

    [Fact]
    public void Path_set_registers_the_current_context_of_a_kubeconfig_file_and_says_which()
    {
        var path = bed.WriteFile("prod.kubeconfig", KubeClusterTestBed.TokenKubeConfig(Server));

        var run = bed.Harness<RegisterKubeClusterCommand>().With("Name", "prod").With("KubeConfigPath", path)
            .With("DisplayName", "Production").With("Label", new Hashtable { ["env"] = "prod" }).WithSwitch("SkipVerification").Invoke();

        Assert.Equal("Path", run.ParameterSetName);
        Assert.Empty(run.Output);
        Assert.Empty(run.Errors);
        Assert.Contains($"Using context 'ctx' (the kubeconfig's current context) in '{Path.Combine(bed.Directory, path)}': cluster 'c' at {Server}/, user 'u'.", run.Verbose);
        var cluster = Get("prod");
        Assert.Equal("Production", cluster.DisplayName);
        Assert.Equal("prod", cluster.Labels["env"]);
        Assert.Equal("Token", cluster.AuthKind);
        KubeClusterTestBed.AssertNoSecretIn(run);
    }

    [Fact]
    public void PassThru_emits_the_registered_cluster()
    {
        var path = bed.WriteFile("prod.kubeconfig", KubeClusterTestBed.TokenKubeConfig(Server));

        var run = bed.Harness<RegisterKubeClusterCommand>().With("Name", "prod").With("KubeConfigPath", path).WithSwitch("SkipVerification").WithSwitch("PassThru").Invoke();

        var cluster = Assert.Single(run.OutputOf<KubeCluster>());
        Assert.Equal("prod", cluster.Name);
        Assert.Equal("prod", cluster.DisplayName);
        Assert.Equal(Server, cluster.Server);
        Assert.True(cluster.HasCredential);
        KubeClusterTestBed.AssertNoSecretIn(run);
    }

    [Fact]
    public void Text_set_registers_a_kubeconfig_held_in_a_variable()
    {
        var run = bed.Harness<RegisterKubeClusterCommand>().With("Name", "prod").With("KubeConfig", KubeClusterTestBed.TokenKubeConfig(Server)).WithSwitch("SkipVerification").Invoke();

        Assert.Equal("Text", run.ParameterSetName);
        Assert.Contains(run.Verbose, line => line.Contains("in the kubeconfig text", StringComparison.Ordinal));
        Assert.Equal("prod", Get("prod").Name);
    }

    [Fact]
    public void Without_a_path_the_kubeconfig_comes_from_KUBECONFIG()
    {
        var path = Path.Combine(bed.Directory, bed.WriteFile("from-variable.kubeconfig", KubeClusterTestBed.TokenKubeConfig(Server)));

        var run = bed.Harness<RegisterKubeClusterCommand>().With("Name", "prod").WithEnvironmentVariable("KUBECONFIG", path).WithSwitch("SkipVerification").Invoke();

        Assert.Empty(run.Errors);
        Assert.Contains(run.Verbose, line => line.Contains(path, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("AllContextsPath")]
    [InlineData("AllContextsText")]
    public void AllContexts_registers_each_context_under_a_name_derived_from_it(string parameterSet)
    {
        var kubeConfig = $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: one
              cluster: {"{"}server: "https://one.example:6443"{"}"}
            - name: two
              cluster: {"{"}server: "https://two.example:6443"{"}"}
            users:
            - name: u
              user: {"{"}token: {KubeClusterTestBed.CanaryToken}{"}"}
            contexts:
            - name: arn:aws:eks:eu-west-1:111122223333:cluster/shop
              context: {"{"}cluster: one, user: u{"}"}
            - name: Dev_Cluster
              context: {"{"}cluster: two, user: u{"}"}
            """;
        var harness = bed.Harness<RegisterKubeClusterCommand>().WithSwitch("AllContexts").WithSwitch("SkipVerification").WithSwitch("PassThru");
        harness = parameterSet == "AllContextsPath" ? harness.With("KubeConfigPath", bed.WriteFile("all.kubeconfig", kubeConfig)) : harness.With("KubeConfig", kubeConfig);

        var run = harness.Invoke();

        Assert.Equal(parameterSet, run.ParameterSetName);
        Assert.Equal(["shop", "dev-cluster"], run.OutputOf<KubeCluster>().Select(cluster => cluster.Name));
        Assert.Equal(["arn:aws:eks:eu-west-1:111122223333:cluster/shop", "Dev_Cluster"], run.OutputOf<KubeCluster>().Select(cluster => cluster.ContextName));
        Assert.Equal(["shop", "dev-cluster"], run.ShouldProcessCalls.Select(call => call.Target));
    }

    [Fact]
    public void WhatIf_names_the_program_an_exec_plugin_would_run_and_registers_nothing()
    {
        var run = bed.Harness<RegisterKubeClusterCommand>().With("Name", "eks").With("KubeConfig", KubeClusterTestBed.ExecKubeConfig(Server)).WithWhatIf().Invoke();

        var call = Assert.Single(run.ShouldProcessCalls);
        Assert.Equal($"What if: Performing the operation \"Register the cluster at {Server}/ from context 'ctx'; its exec plugin runs: aws eks get-token --cluster-name prod\" on target \"eks\".", call.WhatIfMessage);
        Assert.False(File.Exists(bed.ProfilePath));
    }

    [Fact]
    public void ExecEnvironment_takes_SecureString_and_string_values_and_seals_them()
    {
        var secret = new NetworkCredential("", KubeClusterTestBed.CanaryEnvValue).SecurePassword;
        var environment = new Hashtable { ["AWS_SECRET_ACCESS_KEY"] = secret, ["AWS_PROFILE"] = "ops" };

        var run = bed.Harness<RegisterKubeClusterCommand>().With("Name", "eks").With("KubeConfig", KubeClusterTestBed.ExecKubeConfig(Server))
            .With("ExecEnvironment", environment).WithSwitch("SkipVerification").WithSwitch("PassThru").Invoke();

        Assert.Empty(run.Errors);
        Assert.Contains(run.Verbose, line => line.Contains("AWS_PROFILE (from -ExecEnvironment), AWS_SECRET_ACCESS_KEY (from -ExecEnvironment)", StringComparison.Ordinal));
        Assert.DoesNotContain(KubeClusterTestBed.CanaryEnvValue, bed.ProfileText, StringComparison.Ordinal);
        Assert.Contains("AWS_SECRET_ACCESS_KEY", bed.ProfileText, StringComparison.Ordinal);
        KubeClusterTestBed.AssertNoSecretIn(run);
    }

    [Fact]
    public void An_invalid_name_is_a_non_terminating_error_and_nothing_is_written()
    {
        var run = bed.Harness<RegisterKubeClusterCommand>().With("Name", "prod eu").With("KubeConfig", KubeClusterTestBed.TokenKubeConfig(Server)).Invoke();

        var error = Assert.Single(run.Errors);
        Assert.Equal("RegisterKubeClusterNameInvalid", error.ErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.Category);
        Assert.Equal("prod eu", error.Target);
        Assert.Null(run.TerminatingError);
        Assert.False(File.Exists(bed.ProfilePath));
    }

    [Fact]
    public void A_second_registration_under_the_same_name_is_refused()
    {
        bed.RegisterUnverified("prod");

        var run = bed.Harness<RegisterKubeClusterCommand>().With("Name", "PROD").With("KubeConfig", KubeClusterTestBed.TokenKubeConfig(Server)).WithSwitch("SkipVerification").Invoke();

        Assert.Equal("RegisterKubeClusterNameTaken", Assert.Single(run.Errors).ErrorId);
    }

    [Fact]
    public void An_invalid_label_ends_the_command_before_anything_is_registered()
    {
        var run = bed.Harness<RegisterKubeClusterCommand>().With("Name", "prod").With("KubeConfig", KubeClusterTestBed.TokenKubeConfig(Server))
            .With("Label", new Hashtable { ["owner"] = "Jane Doe" }).WithSwitch("SkipVerification").Invoke();

        Assert.Equal("KubeClusterLabelInvalid", run.TerminatingError?.ErrorId);
        Assert.False(File.Exists(bed.ProfilePath));
    }

    [Fact]
    public void A_missing_kubeconfig_file_ends_the_command_with_the_readers_id()
    {
        var run = bed.Harness<RegisterKubeClusterCommand>().With("Name", "prod").With("KubeConfigPath", "absent.kubeconfig").Invoke();

        Assert.Equal("KubeConfigFileNotFound", run.TerminatingError?.ErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, run.TerminatingError!.Category);
    }

    [Fact]
    public void A_cluster_that_refuses_connections_is_not_registered_and_the_error_keeps_the_connection_id()
    {
        var run = bed.Harness<RegisterKubeClusterCommand>().With("Name", "gone").With("KubeConfig", KubeClusterTestBed.TokenKubeConfig(KubeClusterTestBed.RefusingServer())).Invoke();

        var error = Assert.Single(run.Errors);
        Assert.Equal("ClusterConnectionRefused", error.ErrorId);
        Assert.Equal(ErrorCategory.ConnectionError, error.Category);
        Assert.Equal("gone", error.Target);
        Assert.False(File.Exists(bed.ProfilePath));
        KubeClusterTestBed.AssertNoSecretIn(run);
    }

    [Fact]
    public void The_kubeconfig_readers_warnings_are_written()
    {
        var run = bed.Harness<RegisterKubeClusterCommand>().With("Name", "prod")
            .With("KubeConfig", KubeClusterTestBed.TokenKubeConfig(Server, clusterExtra: "\n    insecure-skip-tls-verify: true")).WithSwitch("SkipVerification").Invoke();

        Assert.Contains(run.Warnings, warning => warning.Contains("TLS verification is off for the cluster 'c'", StringComparison.Ordinal));
    }

    [Fact]
    public void Server_replaces_the_kubeconfigs_address()
    {
        var run = bed.Harness<RegisterKubeClusterCommand>().With("Name", "local").With("KubeConfig", KubeClusterTestBed.TokenKubeConfig("https://127.0.0.1:6443"))
            .With("Server", "https://kubernetes.default.svc.cluster.local").WithSwitch("SkipVerification").WithSwitch("PassThru").Invoke();

        Assert.Equal("https://kubernetes.default.svc.cluster.local", Assert.Single(run.OutputOf<KubeCluster>()).Server);
    }

    private KubeCluster Get(string name) =>
        Assert.Single(bed.Harness<GetKubeClusterCommand>().With("Name", name).Invoke().OutputOf<KubeCluster>());
}
