using KubeFleet.Engine.Registry.Verification;

namespace KubeFleet.Tests.Commands;

public sealed class KubeClusterOutputTests
{
    [Fact]
    public void Every_health_status_of_the_engine_has_a_status_users_see()
    {
        Assert.Equal(Enum.GetNames<ClusterHealthStatus>(), Enum.GetNames<KubeClusterStatus>());
    }
}
