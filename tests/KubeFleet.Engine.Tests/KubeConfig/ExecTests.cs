using KubeFleet.Engine.Connections;
using KubeFleet.Engine.Errors;
using KubeFleet.Engine.KubeConfig;
using static KubeFleet.Engine.Tests.KubeConfig.KubeConfigs;

namespace KubeFleet.Engine.Tests.KubeConfig;

public sealed class ExecTests
{
    private const string EksContext = "arn:aws:eks:ap-southeast-1:111122223333:cluster/mycluster3";

    // As 'aws eks update-kubeconfig' writes it (the Karpor page's example before its hand edits).
    private static readonly string ExportedEks = $"""
        apiVersion: v1
        clusters:
        - cluster:
            certificate-authority-data: {Base64(TestPki.CertificateAuthorityPem)}
            server: https://0123456789ABCDEF.gr7.ap-southeast-1.eks.amazonaws.com
          name: {EksContext}
        contexts:
        - context:
            cluster: {EksContext}
            user: {EksContext}
          name: {EksContext}
        current-context: {EksContext}
        kind: Config
        preferences: {"{}"}
        users:
        - name: {EksContext}
          user:
            exec:
              apiVersion: client.authentication.k8s.io/v1beta1
              args:
              - --region
              - ap-southeast-1
              - eks
              - get-token
              - --cluster-name
              - mycluster3
              - --output
              - json
              command: aws
        """;

    // The same kubeconfig with the fields the Karpor page asks users to add by hand.
    private static readonly string HandEditedEks = ExportedEks + """

                  env:
                  - name: AWS_ACCESS_KEY_ID
                    value: AKIAEXAMPLEKEYID
                  - name: AWS_SECRET_ACCESS_KEY
                    value: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
                  - name: AWS_DEFAULT_REGION
                    value: ap-southeast-1
                  - name: AWS_DEFAULT_OUTPUT
                    value: json
                  interactiveMode: IfAvailable
                  provideClusterInfo: false
            """;

    [Fact]
    public void TheExportedEksKubeConfigWorksWithoutHandEdits()
    {
        var resolved = Resolve(ExportedEks);

        Assert.Equal(EksContext, resolved.ContextName);
        Assert.Equal(ContextSelection.CurrentContext, resolved.Selection);
        Assert.Equal("mycluster3", resolved.RegistrationName);
        Assert.Equal(new Uri("https://0123456789abcdef.gr7.ap-southeast-1.eks.amazonaws.com"), resolved.Access.Server);
        var exec = Assert.IsType<ExecCredential>(resolved.Access.Credential).Config;
        Assert.Equal("client.authentication.k8s.io/v1beta1", exec.ApiVersion);
        Assert.Equal("aws", exec.Command);
        Assert.Equal(["--region", "ap-southeast-1", "eks", "get-token", "--cluster-name", "mycluster3", "--output", "json"], exec.Args);
        Assert.Equal(ExecInteractiveMode.IfAvailable, exec.InteractiveMode);
        Assert.False(exec.ProvideClusterInfo);
        Assert.Empty(exec.Env);
        Assert.Equal("aws --region ap-southeast-1 eks get-token --cluster-name mycluster3 --output json", resolved.ExecCommand);
        Assert.Empty(resolved.Warnings);
    }

    [Fact]
    public void TheHandEditedEksKubeConfigWorksToo()
    {
        var exec = Assert.IsType<ExecCredential>(Resolve(HandEditedEks).Access.Credential).Config;

        Assert.Equal(["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_DEFAULT_REGION", "AWS_DEFAULT_OUTPUT"], exec.Env.Select(variable => variable.Name));
        Assert.Equal("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", exec.Env[1].Value);
        Assert.Equal(ExecInteractiveMode.IfAvailable, exec.InteractiveMode);
        Assert.False(exec.ProvideClusterInfo);
    }

    [Fact]
    public void EveryExecFieldIsCarried()
    {
        var user = """
            exec:
              apiVersion: client.authentication.k8s.io/v1
              command: kubectl-oidc
              args: [get-token, "--scope", "openid email", "8080"]
              env:
              - {name: EMPTY}
              - {name: HOME_REGION, value: eu-west-1}
              interactiveMode: Always
              provideClusterInfo: true
              installHint: "brew install kubectl-oidc"
            """;

        var exec = Assert.IsType<ExecCredential>(Resolve(Single(user: user)).Access.Credential).Config;

        Assert.Equal(["get-token", "--scope", "openid email", "8080"], exec.Args);
        Assert.Equal([new ExecEnvVar("EMPTY", ""), new ExecEnvVar("HOME_REGION", "eu-west-1")], exec.Env);
        Assert.Equal(ExecInteractiveMode.Always, exec.InteractiveMode);
        Assert.True(exec.ProvideClusterInfo);
        Assert.Equal("brew install kubectl-oidc", exec.InstallHint);
    }

    [Theory]
    [InlineData("Never", ExecInteractiveMode.Never)]
    [InlineData("IfAvailable", ExecInteractiveMode.IfAvailable)]
    [InlineData("Always", ExecInteractiveMode.Always)]
    public void InteractiveModes(string mode, ExecInteractiveMode expected)
    {
        var resolved = Resolve(Single(user: $"exec: {{apiVersion: client.authentication.k8s.io/v1, command: plugin, interactiveMode: {mode}}}"));

        Assert.Equal(expected, Assert.IsType<ExecCredential>(resolved.Access.Credential).Config.InteractiveMode);
        Assert.Empty(resolved.Warnings);
    }

    [Fact]
    public void V1WithoutInteractiveModeDefaultsToIfAvailableAndSaysSo()
    {
        var resolved = Resolve(Single(user: "exec: {apiVersion: client.authentication.k8s.io/v1, command: plugin}"));

        Assert.Equal(ExecInteractiveMode.IfAvailable, Assert.IsType<ExecCredential>(resolved.Access.Credential).Config.InteractiveMode);
        var warning = Assert.Single(resolved.Warnings);
        Assert.Contains("without interactiveMode", warning);
        Assert.Contains("behaves like Never", warning);
    }

    [Theory]
    [InlineData("exec: {apiVersion: client.authentication.k8s.io/v1beta1}", "command must be specified for user 'u'")]
    [InlineData("exec: {command: aws}", "apiVersion must be specified for user 'u'")]
    [InlineData("exec: {apiVersion: client.authentication.k8s.io/v1beta1, command: aws, env: [{value: x}]}", "env variable name must be specified")]
    [InlineData("exec: {apiVersion: client.authentication.k8s.io/v1beta1, command: aws, env: [{name: A=B, value: x}]}", "'A=B'")]
    [InlineData("exec: {apiVersion: client.authentication.k8s.io/v1, command: aws, interactiveMode: never}", "invalid interactiveMode for user 'u'")]
    public void InvalidExecBlocksAreRefusedAsClientGoRefusesThem(string user, string expected)
    {
        var failure = Fails(KubeConfigErrorIds.ExecInvalid, () => Resolve(Single(user: user)));

        Assert.Contains(expected, failure.Message);
    }

    [Theory]
    [InlineData("client.authentication.k8s.io/v1alpha1", "removed in 1.24")]
    [InlineData("client.authentication.k8s.io/v2", "invalid apiVersion")]
    public void UnsupportedExecApiVersionsAreRefused(string apiVersion, string expected)
    {
        var failure = Fails(KubeConfigErrorIds.ExecApiVersionUnsupported, () => Resolve(Single(user: $"exec: {{apiVersion: {apiVersion}, command: aws}}")));

        Assert.Contains(expected, failure.Message);
        Assert.Contains("client.authentication.k8s.io/v1beta1", failure.Message);
    }

    [Fact]
    public void ExecAndAuthProviderTogetherAreRefused()
    {
        Fails(KubeConfigErrorIds.AuthProviderUnsupported,
            () => Resolve(Single(user: "exec: {apiVersion: client.authentication.k8s.io/v1beta1, command: aws}\nauth-provider: {name: gcp}")));
    }

    [Theory]
    [InlineData("token: t0ken", "token")]
    [InlineData("client-certificate-data: {0}\nclient-key-data: {1}", "client certificate")]
    public void AStaticCredentialWinsOverExecAsInClientGo(string credential, string kind)
    {
        var user = "exec: {apiVersion: client.authentication.k8s.io/v1beta1, command: aws}\n"
            + string.Format(credential, Base64(TestPki.Rsa.CertificatePem), Base64(TestPki.Rsa.Pkcs8KeyPem));

        var resolved = Resolve(Single(user: user));

        Assert.NotEqual("Exec", resolved.Access.Credential.Kind);
        Assert.Null(resolved.ExecCommand);
        Assert.Contains($"uses the {kind} and never runs the plugin", Assert.Single(resolved.Warnings));
    }

    [Fact]
    public void AnIgnoredExecBlockIsStillValidated()
    {
        Fails(KubeConfigErrorIds.ExecInvalid, () => Resolve(Single(user: "token: t0ken\nexec: {apiVersion: client.authentication.k8s.io/v1beta1}")));
    }

    [Fact]
    public void ACommandWithAPathSeparatorIsResolvedAgainstTheKubeConfigsFolder()
    {
        using var folder = new TempFolder();
        var config = folder.Write("config", Single(user: "exec: {apiVersion: client.authentication.k8s.io/v1beta1, command: ./bin/get-token.sh, args: [--for, my cluster]}"));

        var resolved = KubeConfigLoader.LoadFiles([config]).ResolveContext();

        var exec = Assert.IsType<ExecCredential>(resolved.Access.Credential).Config;
        Assert.Equal("./bin/get-token.sh", exec.Command);
        Assert.Equal(folder.Path, exec.BaseDirectory);
        Assert.Equal($"./bin/get-token.sh --for 'my cluster' (resolves to '{Path.Combine(folder.Path, "bin", "get-token.sh")}')", resolved.ExecCommand);
    }

    [Fact]
    public void APlainCommandIsLeftForPathLookup()
    {
        var resolved = Resolve(Single(user: "exec: {apiVersion: client.authentication.k8s.io/v1beta1, command: gke-gcloud-auth-plugin}"));

        Assert.Equal("gke-gcloud-auth-plugin", resolved.ExecCommand);
        Assert.Null(Assert.IsType<ExecCredential>(resolved.Access.Credential).Config.BaseDirectory);
    }

    [Theory]
    [InlineData("aws", new string[0], "aws")]
    [InlineData("/opt/my tools/plugin", new[] { "it's", "", "$HOME", "a;b" }, "'/opt/my tools/plugin' 'it''s' '' '$HOME' 'a;b'")]
    public void TheCommandLineIsShownQuotedForPowerShell(string command, string[] args, string expected)
    {
        var exec = new ExecConfig { ApiVersion = "client.authentication.k8s.io/v1", Command = command, Args = args };

        Assert.Equal(expected, ExecCommandLine.Describe(exec));
    }

    [Fact]
    public void TheClustersExecExtensionIsKeptForPluginsThatAskForClusterInfo()
    {
        var cluster = $"server: {Server}\nextensions:\n- name: client.authentication.k8s.io/exec\n  extension: {{audience: sts.amazonaws.com}}";
        var user = "exec: {apiVersion: client.authentication.k8s.io/v1, command: plugin, interactiveMode: Never, provideClusterInfo: true}";

        var access = Resolve(Single(cluster, user)).Access;

        Assert.Equal("""{"audience":"sts.amazonaws.com"}""", access.ExecClusterConfigJson);
    }
}
