using KubeFleet.Engine.Connections;
using KubeFleet.Engine.Errors;
using KubeFleet.Engine.Search.Lists;
using KubeFleet.Engine.Tests.Connections;
using KubeFleet.StandIn.Hosting;

namespace KubeFleet.Engine.Tests.Search.Lists;

[Collection(StandInFleetCollection.Name)]
public sealed class ListPagerTests(StandInFleetFixture fixture) : StandInFleetTest(fixture)
{
    private const int PageSize = 5;

    private static readonly ListRequest AllPods = new(TestResources.Type("", "Pod"), namespaceName: null, labelSelector: null, fieldSelector: null);

    [Fact]
    public async Task AsksForTheNextPageWhileTheCurrentOneIsStillBeingRead()
    {
        var readsBefore = Healthy.ResourceReads;
        var pager = new ListPager(Connection(Healthy), AllPods, PageSize);
        await using var items = pager.ReadAllAsync(() => ValueTask.CompletedTask, CancellationToken.None).GetAsyncEnumerator();

        Assert.True(await items.MoveNextAsync());
        await WaitForAsync(() => Healthy.ResourceReads - readsBefore >= 2, "The second page was not asked for while the first was read.");

        var names = new List<string> { items.Current.Metadata.Name };
        while (await items.MoveNextAsync())
        {
            names.Add(items.Current.Metadata.Name);
        }

        var unpaged = await ReadAllAsync(new ListPager(Connection(Healthy), AllPods, pageSize: 0));
        Assert.Equal(unpaged, names);
        Assert.Equal(((unpaged.Count + PageSize - 1) / PageSize) + 1, Healthy.ResourceReads - readsBefore);
    }

    [Fact]
    public async Task AFailurePartWayThroughAPageIsTheOneReportedAndThePageAskedForAheadIsDropped()
    {
        Faulty.Faults.ResetBodiesAfterBytes = 24 * 1024;
        var pager = new ListPager(Connection(Faulty), AllPods, pageSize: 20);

        var failure = await Assert.ThrowsAsync<KubeFleetException>(() => ReadAllAsync(pager));

        Assert.Equal(ConnectionErrorIds.ConnectionFailed, failure.ErrorId);
        Assert.Contains($"failed during GET {AllPods.PathAndQuery(20, null)} (", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StoppingPartWayLeavesNothingRunning()
    {
        var readsBefore = Healthy.ResourceReads;
        var pager = new ListPager(Connection(Healthy), AllPods, PageSize);
        var items = pager.ReadAllAsync(() => ValueTask.CompletedTask, CancellationToken.None).GetAsyncEnumerator();
        Assert.True(await items.MoveNextAsync());
        await WaitForAsync(() => Healthy.ResourceReads - readsBefore >= 2, "The second page was not asked for while the first was read.");

        await items.DisposeAsync();

        // The connection is left fit for the next list, and nothing more is asked for the one stopped.
        var names = await ReadAllAsync(new ListPager(Connection(Healthy), AllPods, pageSize: 0));
        Assert.NotEmpty(names);
        Assert.Equal(3, Healthy.ResourceReads - readsBefore);
    }

    private ClusterConnection Connection(StandInCluster cluster) => Pool.Get(cluster.Name, StandInAccess.AdminCertificate(cluster));

    private static async Task<List<string>> ReadAllAsync(ListPager pager)
    {
        var names = new List<string>();
        await foreach (var item in pager.ReadAllAsync(() => ValueTask.CompletedTask, CancellationToken.None))
        {
            names.Add(item.Metadata.Name);
        }

        return names;
    }

    /// <summary>Waits for what another party does; bounded, so a broken pager fails rather than hangs.</summary>
    private static async Task WaitForAsync(Func<bool> condition, string failure)
    {
        for (var waited = 0; !condition(); waited += 20)
        {
            Assert.True(waited < 10_000, failure);
            await Task.Delay(20);
        }
    }
}
