using KubeFleet.Engine.Connections;
using KubeFleet.Engine.Search;
using KubeFleet.StandIn.Hosting;

namespace KubeFleet.Engine.Tests.Search.Fleet;

/// <summary>
/// One cluster misbehaves, the others do not: the search returns everything the healthy clusters
/// hold, the broken cluster's failure once with the right id and the cluster as its target, and
/// never hangs or returns anything twice.
/// </summary>
public sealed class SearchFaultTests(FaultFleetFixture fixture) : IClassFixture<FaultFleetFixture>, IAsyncLifetime
{
    private StandInFleet Fleet => fixture.Fleet;

    private StandInCluster Broken => Fleet["cluster-02"];

    private IEnumerable<StandInCluster> Healthy => Fleet.Clusters.Where(cluster => cluster != Broken);

    public Task InitializeAsync() => fixture.ClearFaultsAsync();

    public Task DisposeAsync() => fixture.ClearFaultsAsync();

    [Fact]
    public async Task AClusterThatIsDownFailsAloneAndOnce()
    {
        await Broken.Faults.ClosePortAsync();
        using var runner = new FleetSearchRunner();

        var outcome = await runner.RunAsync(PodSearch());

        AssertHealthyClustersComplete(outcome);
        Assert.DoesNotContain(outcome.Results, found => found.Cluster == Broken.Name);
        var failure = Assert.Single(outcome.Failures);
        Assert.Equal(ConnectionErrorIds.ConnectionRefused, failure.ErrorId);
        Assert.Equal(Broken.Name, failure.Target);
        Assert.Equal(new ClusterSearched(Broken.Name, 0, 1), Assert.Single(outcome.Completed, done => done.Cluster == Broken.Name));
    }

    [Fact]
    public async Task ServerErrorsFailEachListOfThatClusterOnly()
    {
        Broken.Faults.FailAllRequests("etcd is unwell");
        using var runner = new FleetSearchRunner();

        var outcome = await runner.RunAsync(PodSearch() with { Kinds = ["pods", "services"] });

        var expected = FleetExpectations.Objects(Healthy, "", "pods");
        expected.UnionWith(FleetExpectations.Objects(Healthy, "", "services"));
        Assert.Equal(expected, outcome.Keys);
        Assert.Equal(expected.Count, outcome.Results.Count);
        Assert.Equal(2, outcome.Failures.Count);
        Assert.All(outcome.Failures, failure =>
        {
            Assert.Equal(ConnectionErrorIds.ServerError, failure.ErrorId);
            Assert.Equal(Broken.Name, failure.Target);
            Assert.Contains("etcd is unwell", failure.Message, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task WaitsOutThrottlingThatSaysWhenToComeBack()
    {
        Broken.Faults.ThrottleNextRequests(2, retryAfterSeconds: 1);
        using var runner = new FleetSearchRunner();

        var outcome = await runner.RunAsync(PodSearch());

        SearchAssert.FoundExactly(FleetExpectations.Objects(Fleet.Clusters, "", "pods"), outcome);
    }

    [Fact]
    public async Task ReportsThrottlingThatOutlastsTheRetries()
    {
        Broken.Faults.ThrottleNextRequests(100, retryAfterSeconds: 1);
        using var runner = new FleetSearchRunner(new ClusterConnectionOptions { MaxRetries = 1 });

        var outcome = await runner.RunAsync(PodSearch());

        AssertHealthyClustersComplete(outcome);
        var failure = Assert.Single(outcome.Failures);
        Assert.Equal(ConnectionErrorIds.Throttled, failure.ErrorId);
        Assert.Equal(Broken.Name, failure.Target);
    }

    [Fact]
    public async Task AConnectionCutMidBodyLosesNothingFromTheOthersAndDuplicatesNothing()
    {
        Broken.Faults.ResetBodiesAfterBytes = 30_000;
        using var runner = new FleetSearchRunner();

        var outcome = await runner.RunAsync(PodSearch());

        AssertHealthyClustersComplete(outcome);
        var failure = Assert.Single(outcome.Failures);
        Assert.Equal(ConnectionErrorIds.ConnectionFailed, failure.ErrorId);
        Assert.Equal(Broken.Name, failure.Target);
        var fromBroken = outcome.Results.Where(found => found.Cluster == Broken.Name).Select(ObjectKey.Of).ToList();
        Assert.Subset(FleetExpectations.Objects([Broken], "", "pods"), fromBroken.ToHashSet());
    }

    [Fact]
    public async Task ASlowClusterTimesOutWhileTheOthersAnswer()
    {
        using var runner = new FleetSearchRunner();
        await runner.RunAsync(PodSearch());
        Broken.Faults.Latency = TimeSpan.FromSeconds(30);

        var outcome = await runner.RunAsync(PodSearch() with { ClusterTimeout = TimeSpan.FromSeconds(2) });

        AssertHealthyClustersComplete(outcome);
        var failure = Assert.Single(outcome.Failures);
        Assert.Equal(ConnectionErrorIds.Timeout, failure.ErrorId);
        Assert.Equal(Broken.Name, failure.Target);
        Assert.Contains("within 2 s", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnExecTokenRevokedMidSearchIsRefreshedAndTheSearchCompletes()
    {
        using var runner = new FleetSearchRunner();
        var targets = Fleet.Clusters.Select(cluster => StandInTargets.WithExecPlugin(cluster, fixture.ExecPlugin.PluginPath)).ToList();
        PaceRequests(Broken);
        int? runsWhenRevoked = null;

        var outcome = await runner.RunAsync(PodSearch() with { Clusters = targets, PageSize = 5 }, found =>
        {
            if (found is ResourceFound && runsWhenRevoked is null)
            {
                runsWhenRevoked = fixture.ExecPluginRuns;
                foreach (var cluster in Fleet.Clusters)
                {
                    cluster.Faults.RevokeTokens();
                }
            }

            return Task.CompletedTask;
        });

        Assert.True(fixture.ExecPluginRuns > runsWhenRevoked, "The plugin was not run again after the tokens were revoked.");
        SearchAssert.FoundExactly(FleetExpectations.Objects(Fleet.Clusters, "", "pods"), outcome);
    }

    [Fact]
    public async Task AStaticTokenRevokedMidSearchFailsItsClusterOnceAndKeepsWhatCameBefore()
    {
        using var runner = new FleetSearchRunner();
        var targets = Fleet.Clusters.Select(cluster => cluster == Broken
            ? StandInTargets.WithToken(cluster, cluster.Users.Viewer.Token!)
            : StandInTargets.Admin(cluster)).ToList();
        PaceRequests(Broken);
        var revoked = false;

        var outcome = await runner.RunAsync(PodSearch() with { Clusters = targets, PageSize = 5 }, found =>
        {
            if (found is ResourceFound { Resource.Cluster: "cluster-02" } && !revoked)
            {
                revoked = true;
                Broken.Faults.RevokeTokens();
            }

            return Task.CompletedTask;
        });

        Assert.True(revoked);
        AssertHealthyClustersComplete(outcome);
        var failure = Assert.Single(outcome.Failures);
        Assert.Equal(ConnectionErrorIds.Unauthorized, failure.ErrorId);
        Assert.Equal(Broken.Name, failure.Target);
        Assert.Contains(outcome.Results, found => found.Cluster == Broken.Name);
    }

    [Fact]
    public async Task AnExpiredContinueTokenFallsBackToOneFullListWithoutDuplicates()
    {
        using var runner = new FleetSearchRunner();
        PaceRequests(Broken);
        var compacted = false;

        var outcome = await runner.RunAsync(PodSearch() with { PageSize = 4 }, found =>
        {
            if (found is ResourceFound { Resource.Cluster: "cluster-02" } && !compacted)
            {
                compacted = true;
                Broken.Data.Compact();
            }

            return Task.CompletedTask;
        });

        Assert.True(compacted);
        SearchAssert.FoundExactly(FleetExpectations.Objects(Fleet.Clusters, "", "pods"), outcome);
        var note = Assert.Single(outcome.Notes, note => note.Message.Contains("expired", StringComparison.Ordinal));
        Assert.Equal(Broken.Name, note.Cluster);
    }

    [Fact]
    public async Task AUserDeniedAListGetsTheServersMessageAndFindsWhatItMayRead()
    {
        using var runner = new FleetSearchRunner();
        var scoped = Fleet.Clusters.Select(cluster => StandInTargets.WithToken(cluster, cluster.Users.Scoped.Token!)).ToList();

        var everywhere = await runner.RunAsync(PodSearch() with { Clusters = scoped });
        var inShop = await runner.RunAsync(PodSearch() with { Clusters = scoped, Namespaces = ["shop"] });

        Assert.Empty(everywhere.Results);
        Assert.Equal(Fleet.Clusters.Count, everywhere.Failures.Count);
        Assert.All(everywhere.Failures, failure =>
        {
            Assert.Equal(ConnectionErrorIds.Forbidden, failure.ErrorId);
            Assert.Contains("pods is forbidden: User \"scoped\" cannot list resource \"pods\"", failure.Message, StringComparison.Ordinal);
        });
        Assert.Equal(Fleet.Clusters.Select(cluster => cluster.Name).Order(), everywhere.Failures.Select(failure => (string)failure.Target!).Order());
        SearchAssert.FoundExactly(FleetExpectations.Objects(Fleet.Clusters, "", "pods", item => FleetExpectations.Namespace(item) == "shop"), inShop);
    }

    /// <summary>
    /// Spreads a cluster's pages out in time, so that what a test breaks after the first result
    /// is broken before the later pages are asked for.
    /// </summary>
    private static void PaceRequests(StandInCluster cluster) => cluster.Faults.Latency = TimeSpan.FromMilliseconds(100);

    private SearchRequest PodSearch() => new() { Clusters = StandInTargets.Admin(Fleet), Kinds = ["pods"] };

    private void AssertHealthyClustersComplete(SearchOutcome outcome)
    {
        var healthy = FleetExpectations.Objects(Healthy, "", "pods");
        var found = outcome.Results.Select(ObjectKey.Of).ToList();
        Assert.Equal(found.Count, found.Distinct().Count());
        Assert.Equal(healthy, found.Where(key => key.Cluster != Broken.Name).ToHashSet());
        Assert.Equal(Fleet.Clusters.Select(cluster => cluster.Name).Order(), outcome.Completed.Select(done => done.Cluster).Order());
    }
}
