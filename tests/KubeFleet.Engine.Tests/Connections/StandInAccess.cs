using KubeFleet.Engine.Connections;
using KubeFleet.StandIn.ExecPlugin;
using KubeFleet.StandIn.Hosting;

namespace KubeFleet.Engine.Tests.Connections;

/// <summary>Cluster accesses for the stand-in's users, shaped as each kind of kubeconfig resolves.</summary>
internal static class StandInAccess
{
    public static ClusterAccess AdminCertificate(StandInCluster cluster) => Of(
        cluster,
        new ClientCertificateCredential(cluster.Users.Admin.ClientCertificate!.CertificatePem, cluster.Users.Admin.ClientCertificate.PrivateKeyPem));

    public static ClusterAccess ViewerToken(StandInCluster cluster) => Of(cluster, new TokenCredential(cluster.Users.Viewer.Token!));

    public static ClusterAccess ScopedToken(StandInCluster cluster) => Of(cluster, new TokenCredential(cluster.Users.Scoped.Token!));

    public static ClusterAccess Token(StandInCluster cluster, string token) => Of(cluster, new TokenCredential(token));

    /// <summary>v1, as client-go wants it: interactiveMode set, cluster info with the exec extension.</summary>
    public static ClusterAccess ExecV1(StandInCluster cluster, ExecPluginInstall plugin) => Of(
        cluster,
        new ExecCredential(new ExecConfig
        {
            ApiVersion = "client.authentication.k8s.io/v1",
            Command = plugin.PluginPath,
            Args = ["--user", "exec-admin"],
            InteractiveMode = ExecInteractiveMode.Never,
            ProvideClusterInfo = true,
        })) with
    {
        ExecClusterConfigJson = $$"""{"clusterName":"{{cluster.Name}}"}""",
    };

    public static ClusterAccess ExecV1Beta1(StandInCluster cluster, ExecPluginInstall plugin) => Of(
        cluster,
        new ExecCredential(new ExecConfig
        {
            ApiVersion = "client.authentication.k8s.io/v1beta1",
            Command = plugin.PluginPath,
            Args = ["--user", "exec-admin", "--cluster", cluster.Name],
        }));

    /// <summary>As <c>aws eks update-kubeconfig</c> writes it: <c>aws</c> from PATH, v1beta1, client-go's defaults.</summary>
    public static ClusterAccess Eks(StandInCluster cluster) => Of(
        cluster,
        new ExecCredential(new ExecConfig
        {
            ApiVersion = "client.authentication.k8s.io/v1beta1",
            Command = "aws",
            Args = ["--region", "eu-west-1", "eks", "get-token", "--cluster-name", cluster.Name, "--output", "json"],
            Env = [new ExecEnvVar("AWS_PROFILE", "fleet-admin")],
        }));

    private static ClusterAccess Of(StandInCluster cluster, ClusterCredential credential) => new()
    {
        Server = cluster.Server,
        CertificateAuthorityPem = cluster.CertificateAuthorityPem,
        Credential = credential,
    };
}
