using KubeFleet.Engine.Errors;
using KubeFleet.StandIn.Faults;
using KubeFleet.StandIn.Hosting;

namespace KubeFleet.StandIn.Tests.Faults;

/// <summary>The launcher's <c>--faults</c> syntax: what it switches on, and what it refuses.</summary>
public sealed class FaultSpecTests : IAsyncLifetime
{
    private StandInFleet? fleet;

    public async Task InitializeAsync() => fleet = await StandInFleet.StartAsync(new FleetOptions { ClusterCount = 2, PodsPerCluster = 30 });

    public async Task DisposeAsync() => await fleet!.DisposeAsync();

    [Fact]
    public async Task EachEntrySwitchesItsFaultOnTheClustersItNames()
    {
        var specs = FaultSpec.ParseList("*:latency=150ms,cluster-02:slow-body=64k,cluster-01:reset-after=4096,cluster-02:cert=expired,cluster-01:down");

        foreach (var cluster in fleet!.Clusters)
        {
            foreach (var spec in specs.Where(s => s.AppliesTo(cluster.Name)))
            {
                await spec.ApplyAsync(cluster.Faults);
            }
        }

        var (first, second) = (fleet["cluster-01"].Faults, fleet["cluster-02"].Faults);
        Assert.Equal(TimeSpan.FromMilliseconds(150), first.Latency);
        Assert.Equal(TimeSpan.FromMilliseconds(150), second.Latency);
        Assert.Equal(64 * 1024, second.BodyBytesPerSecond);
        Assert.Null(first.BodyBytesPerSecond);
        Assert.Equal(4096, first.ResetBodiesAfterBytes);
        Assert.Equal(ServerCertificateFault.Expired, second.ServerCertificate);
        Assert.True(first.IsPortClosed);
        Assert.False(second.IsPortClosed);
    }

    [Theory]
    [InlineData("cluster-01")]
    [InlineData("cluster-01:")]
    [InlineData("cluster-01:latency")]
    [InlineData("cluster-01:latency=fast")]
    [InlineData("cluster-01:slow-body=0")]
    [InlineData("cluster-01:throttle=2@0")]
    [InlineData("cluster-01:cert=revoked")]
    [InlineData("cluster-01:explode")]
    public void MalformedEntriesAreRefusedWithTheSyntax(string text)
    {
        var error = Assert.Throws<KubeFleetException>(() => FaultSpec.ParseList(text));

        Assert.Equal("StandInFaultSpecInvalid", error.ErrorId);
        Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
        Assert.Contains($"'{text}'", error.Message, StringComparison.Ordinal);
        Assert.Contains(FaultSpec.Syntax, error.Message, StringComparison.Ordinal);
    }
}
