using KubeFleet.Engine.Connections;
using KubeFleet.Engine.Search;
using KubeFleet.StandIn.Hosting;

namespace KubeFleet.Engine.Tests.Search.Fleet;

/// <summary>Search targets for stand-in clusters, as the registry would hand them to a search.</summary>
internal static class StandInTargets
{
    public static IReadOnlyList<SearchTarget> Admin(StandInFleet fleet) => fleet.Clusters.Select(Admin).ToList();

    public static SearchTarget Admin(StandInCluster cluster)
    {
        var certificate = cluster.Users.Admin.ClientCertificate!;
        return Target(cluster, new ClientCertificateCredential(certificate.CertificatePem, certificate.PrivateKeyPem));
    }

    public static SearchTarget WithToken(StandInCluster cluster, string token) => Target(cluster, new TokenCredential(token));

    public static SearchTarget WithExecPlugin(StandInCluster cluster, string pluginPath) => Target(cluster, new ExecCredential(new ExecConfig
    {
        ApiVersion = "client.authentication.k8s.io/v1",
        Command = pluginPath,
        Args = ["--cluster", cluster.Name],
        InteractiveMode = ExecInteractiveMode.Never,
    }));

    private static SearchTarget Target(StandInCluster cluster, ClusterCredential credential) => new(cluster.Name, new ClusterAccess
    {
        Server = cluster.Server,
        CertificateAuthorityPem = cluster.CertificateAuthorityPem,
        Credential = credential,
    });
}
