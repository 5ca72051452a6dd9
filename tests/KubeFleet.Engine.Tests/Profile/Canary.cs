using KubeFleet.Engine.Connections;
using KubeFleet.Engine.Profile;

namespace KubeFleet.Engine.Tests.Profile;

/// <summary>
/// Secrets with values that appear nowhere else, so a test can prove they never show up in the
/// profile file, a message or a string.
/// </summary>
internal static class Canary
{
    public const string Token = "canary-token-7f3a9c1e";
    public const string KeyPem = "-----BEGIN PRIVATE KEY-----\ncanary-client-key-51d0e2\n-----END PRIVATE KEY-----\n";
    public const string EnvValue = "canary-aws-secret-b84e1f";
    public const string ProxyPassword = "canary-proxy-pass-0c9d";

    public static readonly string[] All = [Token, "canary-client-key-51d0e2", EnvValue, ProxyPassword];

    public static readonly Uri Server = new("https://10.0.0.1:6443");

    public static ClusterAccess TokenAccess(string token = Token) => new()
    {
        Server = Server,
        CertificateAuthorityPem = "-----BEGIN CERTIFICATE-----\nca\n-----END CERTIFICATE-----\n",
        ProxyUrl = new Uri($"http://proxyuser:{ProxyPassword}@proxy.example:3128"),
        Credential = new TokenCredential(token),
    };

    public static ClusterAccess CertificateAccess() => new()
    {
        Server = Server,
        TlsServerName = "kubernetes",
        Credential = new ClientCertificateCredential("-----BEGIN CERTIFICATE-----\nclient\n-----END CERTIFICATE-----\n", KeyPem),
        Impersonate = "auditor",
        ImpersonateGroups = ["viewers", "auditors"],
    };

    public static ClusterAccess ExecAccess() => new()
    {
        Server = Server,
        InsecureSkipTlsVerify = true,
        DisableCompression = true,
        ExecClusterConfigJson = "{\"region\":\"eu-west-1\"}",
        Credential = new ExecCredential(new ExecConfig
        {
            ApiVersion = "client.authentication.k8s.io/v1",
            Command = "aws",
            Args = ["eks", "get-token", "--cluster-name", "prod"],
            Env = [new ExecEnvVar("AWS_ACCESS_KEY_ID", "AKIAEXAMPLE"), new ExecEnvVar("AWS_SECRET_ACCESS_KEY", EnvValue)],
            InteractiveMode = ExecInteractiveMode.Never,
            ProvideClusterInfo = true,
            InstallHint = "install the AWS CLI",
            BaseDirectory = "/home/user/.kube",
        }),
    };

    public static ClusterRecord Cluster(string name, ClusterAccess? access = null)
    {
        var cluster = new ClusterRecord(name, Server, new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));
        if (access is not null)
        {
            cluster.SetAccess(access);
        }

        return cluster;
    }

    /// <summary>Fails if any canary secret is in the text.</summary>
    public static void AssertAbsent(string? text)
    {
        foreach (var secret in All)
        {
            Assert.DoesNotContain(secret, text ?? "", StringComparison.Ordinal);
        }
    }

    /// <summary>Fails if any canary secret is in the exception's text, or in its inner exceptions'.</summary>
    public static void AssertAbsent(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            AssertAbsent(current.ToString());
        }
    }
}
