using KubeFleet.Engine.Errors;
using KubeFleet.StandIn.Hosting.Kubeconfigs;
using KubeFleet.StandIn.Tests.Kubectl;

namespace KubeFleet.StandIn.Tests.Auth;

/// <summary>The kubeconfig shapes the engine must read, as the tools that write them write them.</summary>
public sealed class KubeconfigBuilderTests(AuthFleet fleet) : IClassFixture<AuthFleet>, IDisposable
{
    private readonly TemporaryFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void EksShapeIsWhatAwsEksUpdateKubeconfigWrites()
    {
        var cluster = fleet.Open;
        var arn = $"arn:aws:eks:us-west-2:111122223333:cluster/{cluster.Name}";
        var caData = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(cluster.CertificateAuthorityPem));

        var yaml = new KubeconfigBuilder(fleet.Fleet.InstallExecPlugin(folder.File("plugin")))
            .Add(new KubeconfigEntry(cluster, cluster.Users.ExecAdmin, CredentialStyle.Eks) { EksRegion = "us-west-2" })
            .ToYaml();

        Assert.Equal(
            $"""
            apiVersion: v1
            clusters:
            - cluster:
                certificate-authority-data: {caData}
                server: {cluster.Server.ToString().TrimEnd('/')}
              name: {arn}
            contexts:
            - context:
                cluster: {arn}
                user: {arn}
              name: {arn}
            current-context: {arn}
            kind: Config
            preferences: {"{}"}
            users:
            - name: {arn}
              user:
                exec:
                  apiVersion: client.authentication.k8s.io/v1beta1
                  args:
                  - --region
                  - us-west-2
                  - eks
                  - get-token
                  - --cluster-name
                  - {cluster.Name}
                  - --output
                  - json
                  command: aws

            """,
            yaml);
    }

    [Fact]
    public void FilesStyleKeepsCredentialsInOwnerOnlyFilesBesideTheKubeconfig()
    {
        var cluster = fleet.Open;

        var path = new KubeconfigBuilder().Add(cluster, cluster.Users.Admin, CredentialStyle.Files).WriteTo(folder.File("admin.yaml"));

        var yaml = File.ReadAllText(path);
        Assert.Contains("client-certificate: admin.admin@cluster-01.crt", yaml, StringComparison.Ordinal);
        Assert.Contains("client-key: admin.admin@cluster-01.key", yaml, StringComparison.Ordinal);
        Assert.Contains("certificate-authority: admin.admin@cluster-01.ca.crt", yaml, StringComparison.Ordinal);
        Assert.Equal(cluster.Users.Admin.ClientCertificate!.PrivateKeyPem, File.ReadAllText(folder.File("admin.admin@cluster-01.key")));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(folder.File("admin.admin@cluster-01.key")));
        }

        Assert.DoesNotContain("client-key-data", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void ContextNamesMustBeUnique()
    {
        var builder = new KubeconfigBuilder().Add(fleet.Open, fleet.Open.Users.Viewer, CredentialStyle.Embedded);

        var error = Assert.Throws<KubeFleetException>(() => builder.Add(fleet.Open, fleet.Open.Users.Viewer, CredentialStyle.Embedded));

        Assert.Equal("StandInKubeconfigContextDuplicate", error.ErrorId);
    }

    [Fact]
    public void ExecOnlyUsersHaveNoEmbeddedCredential()
    {
        var error = Assert.Throws<KubeFleetException>(() => new KubeconfigBuilder().Add(fleet.Open, fleet.Open.Users.ExecAdmin, CredentialStyle.Embedded));

        Assert.Equal("StandInKubeconfigCredentialMissing", error.ErrorId);
    }

    [KubectlFact]
    public async Task MultiContextKubeconfigReachesEachClusterAsEachUser()
    {
        var kubeconfig = new KubeconfigBuilder()
            .Add(new KubeconfigEntry(fleet.Open, fleet.Open.Users.Viewer, CredentialStyle.Embedded) { ContextName = "first" })
            .Add(new KubeconfigEntry(fleet.Closed, fleet.Closed.Users.Scoped, CredentialStyle.Embedded) { ContextName = "second", Namespace = "shop" })
            .UseContext("second")
            .WriteTo(folder.File("multi"));
        var kubectl = KubectlBinary.ForMinor();

        var contexts = await kubectl.RunAsync(kubeconfig, "config", "get-contexts", "-o", "name");
        var current = await kubectl.RunAsync(kubeconfig, "auth", "whoami", "-o", "jsonpath={.status.userInfo.username}");
        var first = await kubectl.RunAsync(kubeconfig, "--context", "first", "auth", "whoami", "-o", "jsonpath={.status.userInfo.username}");
        var scopedCanList = await kubectl.RunAsync(kubeconfig, "auth", "can-i", "list", "pods");

        Assert.Equal(["first", "second"], contexts.StdoutLines);
        Assert.Equal("scoped", current.Stdout);
        Assert.Equal("viewer", first.Stdout);
        Assert.Equal("yes\n", scopedCanList.Stdout);
    }
}
