using KubeFleet.Engine.Errors;
using KubeFleet.StandIn.Data;

namespace KubeFleet.StandIn.Tests.Data;

public sealed class ClusterGenerationTests
{
    [Fact]
    public void EqualSpecsGiveByteIdenticalClusters()
    {
        var spec = new ClusterSpec("stage-1") { Seed = 5, Pods = 80 };
        var first = ClusterData.Generate(spec);
        var second = ClusterData.Generate(spec);

        Assert.Equal(first.KubeSystemUid, second.KubeSystemUid);
        Assert.Equal(first.Revisions, second.Revisions);
        foreach (var type in first.Catalog)
        {
            var a = first.Store(type).All.ToArray();
            var b = second.Store(type).All.ToArray();
            Assert.Equal(a.Length, b.Length);
            for (var i = 0; i < a.Length; i++)
            {
                Assert.True(a[i].Item.Span.SequenceEqual(b[i].Item.Span), $"{type.Resource} {a[i].Key} differs between two generations of one spec");
            }
        }
    }

    [Fact]
    public void ClustersOfOneFleetSeedDifferByName()
    {
        var first = ClusterData.Generate(new ClusterSpec("cluster-01") { Seed = 3, Pods = 60 });
        var second = ClusterData.Generate(new ClusterSpec("cluster-02") { Seed = 3, Pods = 60 });

        Assert.NotEqual(first.KubeSystemUid, second.KubeSystemUid);
        var firstPods = first.ReadObjects("", "pods").Select(SampleClusters.Uid);
        var secondPods = second.ReadObjects("", "pods").Select(SampleClusters.Uid);
        Assert.Empty(firstPods.Intersect(secondPods));
    }

    [Fact]
    public void TheSeedDecidesTheContents()
    {
        var first = ClusterData.Generate(new ClusterSpec("cluster-01") { Seed = 1, Pods = 60 });
        var second = ClusterData.Generate(new ClusterSpec("cluster-01") { Seed = 2, Pods = 60 });

        Assert.NotEqual(first.KubeSystemUid, second.KubeSystemUid);
    }

    [Fact]
    public void AClusterRunsExactlyThePodsAskedFor()
    {
        Assert.Equal(1500, SampleClusters.Large.ReadObjects("", "pods").Count);
        Assert.Equal(120, SampleClusters.Small.ReadObjects("", "pods").Count);
    }

    [Fact]
    public void KubeSystemUidIsTheClusterIdentity()
    {
        var cluster = SampleClusters.Large;
        var kubeSystem = cluster.ReadObjects("", "namespaces").Single(n => SampleClusters.Name(n) == "kube-system");

        Assert.Equal(cluster.KubeSystemUid, SampleClusters.Uid(kubeSystem));
        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", cluster.KubeSystemUid);
    }

    [Fact]
    public void ScalesToFiveThousandPodsOfRealisticSize()
    {
        var cluster = ClusterData.Generate(new ClusterSpec("prod-us-1") { Seed = 21, Pods = 5000 });
        var pods = cluster.Store(cluster.Catalog.Find("", "v1", "pods")!).All.ToArray();

        Assert.Equal(5000, pods.Length);
        Assert.All(pods, pod => Assert.InRange(pod.Item.Length, 4 * 1024, 10 * 1024));
        Assert.True(cluster.ReadObjects("", "namespaces").Count > 50, "5000 pods should spread over many team namespaces");
    }

    [Theory]
    [InlineData(27, "v1.27.16")]
    [InlineData(29, "v1.29.14")]
    [InlineData(32, "v1.32.5")]
    [InlineData(33, "v1.33.1")]
    public void TheServerVersionFollowsTheMinorAskedFor(int minor, string gitVersion)
    {
        var cluster = ClusterData.Generate(new ClusterSpec("versioned") { Pods = 40, ServerMinor = minor });

        Assert.Equal(gitVersion, cluster.Version.GitVersion);
        Assert.Equal(minor.ToString(System.Globalization.CultureInfo.InvariantCulture), cluster.Version.Minor);
        Assert.Contains(cluster.ReadObjects("", "nodes"), node => node.GetProperty("status").GetProperty("nodeInfo").GetProperty("kubeletVersion").GetString()!.StartsWith(gitVersion, StringComparison.Ordinal));
    }

    [Fact]
    public void TooFewPodsForThePlatformIsRefusedWithTheMinimum()
    {
        var failure = Assert.Throws<KubeFleetException>(() => ClusterData.Generate(new ClusterSpec("tiny") { Pods = 5 }));

        Assert.Equal("StandInTooFewPods", failure.ErrorId);
        Assert.Equal(ErrorKind.InvalidArgument, failure.Kind);
        Assert.Matches("Ask for at least [0-9]+ pods", failure.Message);
    }

    [Fact]
    public void AMinorWithoutAKubectlClientIsRefused()
    {
        var failure = Assert.Throws<KubeFleetException>(() => ClusterData.Generate(new ClusterSpec("old") { ServerMinor = 26 }));

        Assert.Equal("StandInVersionUnsupported", failure.ErrorId);
        Assert.Contains("27 to 33", failure.Message);
    }

    [Fact]
    public void AClusterNeedsAName()
    {
        var failure = Assert.Throws<KubeFleetException>(() => ClusterData.Generate(new ClusterSpec(" ")));

        Assert.Equal("StandInClusterNameMissing", failure.ErrorId);
    }
}
