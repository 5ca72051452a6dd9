using KubeFleet.Engine.Search;
using KubeFleet.Engine.Search.Query;

namespace KubeFleet.Engine.Tests.Search;

/// <summary>-Skip, -First and order by: only what is asked for, and only as much held as must be.</summary>
public sealed class ResultWindowTests
{
    [Fact]
    public void PassesResultsAfterTheSkippedUntilFull()
    {
        var window = new ResultWindow(null, skip: 2, first: 3);

        var passed = Enumerable.Range(0, 10).Select(_ => window.TryPass()).ToList();

        Assert.Equal([false, false, true, true, true, true, true, true, true, true], passed);
        Assert.True(window.IsFull);
    }

    [Fact]
    public void WithoutFirstIsNeverFull()
    {
        var window = new ResultWindow(null, skip: 0, first: null);

        Assert.All(Enumerable.Range(0, 1000), _ => Assert.True(window.TryPass()));
        Assert.False(window.IsFull);
        Assert.False(window.Orders);
    }

    [Fact]
    public void SortsHeldResultsStablyAndSlicesThem()
    {
        var window = new ResultWindow(ByName("order by name"), skip: 1, first: 3);
        var names = new[] { "c", "a", "b", "a", "d", "b" };
        var resources = names.Select((name, index) => Pod(name, index.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        resources.ForEach(window.Hold);

        var released = window.Release().ToList();

        Assert.True(window.Orders);
        Assert.Equal(["a/3", "b/2", "b/5"], released.Select(resource => $"{resource.Name}/{resource.Uid}"));
    }

    [Fact]
    public void KeepsTheRightResultsWhenItTrimsWhatItHolds()
    {
        var window = new ResultWindow(ByName("order by name desc"), skip: 5, first: 10);
        var names = Enumerable.Range(0, 5000).Select(index => $"pod-{(index * 7919) % 5000:D5}").ToList();
        names.ForEach(name => window.Hold(Pod(name, name)));

        var released = window.Release().Select(resource => resource.Name).ToList();

        Assert.Equal(names.OrderDescending(StringComparer.Ordinal).Skip(5).Take(10), released);
    }

    private static IComparer<IQueryRow> ByName(string orderBy) => SearchQuery.Parse($"kind = 'Pod' {orderBy}").RowComparer;

    private static ClusterResource Pod(string name, string uid) =>
        TestResources.Of("", "Pod", $$$"""{"metadata":{"name":"{{{name}}}","namespace":"shop","uid":"{{{uid}}}"}}""");
}
