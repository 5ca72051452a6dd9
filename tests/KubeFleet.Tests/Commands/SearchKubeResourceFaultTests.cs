using System.Diagnostics;
using System.Management.Automation;
using KubeFleet.Commands;
using KubeFleet.StandIn.Hosting;
using KubeFleet.StandIn.Security;

namespace KubeFleet.Tests.Commands;

/// <summary>
/// One cluster misbehaves: the search still writes everything the others hold, the broken
/// cluster's failure once, as an error with its id and the cluster as target; results stream as
/// they arrive, -First and Ctrl+C end the search without waiting for the slow cluster.
/// </summary>
public sealed class SearchKubeResourceFaultTests(SearchKubeResourceFaultFleet fleet) : IClassFixture<SearchKubeResourceFaultFleet>, IAsyncLifetime
{
    // Far longer than any healthy search takes: a run that ends sooner cannot have waited for the slow cluster.
    private static readonly TimeSpan SlowAnswer = TimeSpan.FromSeconds(30);

    private StandInCluster Broken => fleet.Clusters[1];

    public Task InitializeAsync() => fleet.ClearFaultsAsync();

    public Task DisposeAsync() => fleet.ClearFaultsAsync();

    [Fact]
    public async Task A_cluster_that_is_down_is_one_error_and_the_others_are_found()
    {
        await Broken.Faults.ClosePortAsync();

        var run = fleet.Search().With("Kind", "pods").Invoke();

        var error = Assert.Single(run.Errors);
        Assert.Equal("ClusterConnectionRefused", error.ErrorId);
        Assert.Equal(ErrorCategory.ConnectionError, error.Category);
        Assert.Equal(Broken.Name, error.Target);
        Assert.Equal(HealthyPods(), run.OutputOf<KubeResource>().Select(FoundObject.Of).ToHashSet());
        Assert.True(run.Progress[^1].Completed);
    }

    [Fact]
    public async Task Under_ErrorAction_Stop_the_first_failure_ends_the_search()
    {
        await Broken.Faults.ClosePortAsync();

        var run = fleet.Search().With("Kind", "pods").WithErrorActionStop().Invoke();

        Assert.Equal("ClusterConnectionRefused", run.TerminatingError?.ErrorId);
        Assert.Equal(Broken.Name, run.TerminatingError!.Target);
        Assert.Empty(run.Errors);
    }

    [Fact]
    public void Server_errors_and_exhausted_throttling_are_errors_of_their_cluster_alone()
    {
        Broken.Faults.FailAllRequests("etcdserver: request timed out");

        var run = fleet.Search().With("Kind", "pods").Invoke();

        var error = Assert.Single(run.Errors);
        Assert.Equal("ClusterServerError", error.ErrorId);
        Assert.Contains("etcdserver: request timed out", error.Message, StringComparison.Ordinal);
        Assert.Equal(HealthyPods(), run.OutputOf<KubeResource>().Select(FoundObject.Of).ToHashSet());
    }

    [Fact]
    public void Throttling_that_says_when_to_come_back_is_waited_out()
    {
        Broken.Faults.ThrottleNextRequests(1, retryAfterSeconds: 1);

        var run = fleet.Search().With("Kind", "pods").Invoke();

        Assert.Empty(run.Errors);
        Assert.Equal(fleet.Objects("", "pods").Count(), run.Output.Count);
    }

    [Fact]
    public void A_connection_cut_mid_body_loses_nothing_from_the_others_and_duplicates_nothing()
    {
        Broken.Faults.ResetBodiesAfterBytes = 20_000;

        var run = fleet.Search().With("Kind", "pods").Invoke();

        var error = Assert.Single(run.Errors);
        Assert.Equal("ClusterConnectionFailed", error.ErrorId);
        Assert.Equal(Broken.Name, error.Target);
        var found = run.OutputOf<KubeResource>().Select(FoundObject.Of).ToList();
        Assert.Equal(found.Count, found.Distinct().Count());
        Assert.Subset(fleet.Objects("", "pods").Select(FoundObject.Of).ToHashSet(), found.ToHashSet());
        Assert.Superset(HealthyPods(), found.ToHashSet());
    }

    [Fact]
    public void A_slow_cluster_times_out_alone()
    {
        Broken.Faults.Latency = SlowAnswer;

        var run = fleet.Search().With("Kind", "pods").With("TimeoutSec", 2).Invoke();

        var error = Assert.Single(run.Errors);
        Assert.Equal("ClusterTimeout", error.ErrorId);
        Assert.Equal(Broken.Name, error.Target);
        Assert.Equal(HealthyPods(), run.OutputOf<KubeResource>().Select(FoundObject.Of).ToHashSet());
    }

    [Fact]
    public void The_first_result_is_written_before_the_slowest_cluster_answers()
    {
        Broken.Faults.Latency = SlowAnswer;
        var clock = Stopwatch.StartNew();
        TimeSpan? firstResultAt = null;

        var run = fleet.Search().With("Kind", "pods").StopWhen(so =>
        {
            if (so.Output.Count == 0)
            {
                return false;
            }

            firstResultAt ??= clock.Elapsed;
            return true;
        }).Invoke();

        Assert.True(run.Stopped);
        Assert.True(firstResultAt < SlowAnswer, $"The first result came after {firstResultAt}, when the slow cluster had answered.");
        Assert.DoesNotContain(run.OutputOf<KubeResource>(), resource => resource.Cluster == Broken.Name);
    }

    [Fact]
    public void First_returns_without_waiting_for_every_cluster()
    {
        Broken.Faults.Latency = SlowAnswer;
        var clock = Stopwatch.StartNew();

        var run = fleet.Search().With("Kind", "pods").With("First", 1).Invoke();

        Assert.True(clock.Elapsed < SlowAnswer, $"-First 1 took {clock.Elapsed}: it waited for the slow cluster.");
        Assert.False(run.Stopped);
        Assert.Null(run.TerminatingError);
        Assert.Empty(run.Errors);
        Assert.NotEqual(Broken.Name, Assert.Single(run.OutputOf<KubeResource>()).Cluster);
        Assert.True(run.Progress[^1].Completed);
    }

    [Fact]
    public void Stopping_ends_the_search_without_waiting_for_outstanding_requests()
    {
        Broken.Faults.Latency = SlowAnswer;
        var clock = Stopwatch.StartNew();

        var run = fleet.Search().With("Kind", "pods").StopWhen(so => so.Output.Count >= 5).Invoke();

        Assert.True(run.Stopped);
        Assert.True(clock.Elapsed < SlowAnswer, $"The stopped search took {clock.Elapsed}: it waited for the slow cluster.");
    }

    [Fact]
    public void A_credential_confined_to_a_namespace_gets_the_servers_message_for_a_cluster_wide_list()
    {
        var confined = fleet.Bed.Harness<RegisterKubeClusterCommand>()
            .With("Name", "shop-only").With("KubeConfigPath", fleet.KubeconfigOf(Broken, UserNames.Scoped)).WithSwitch("SkipVerification").Invoke();
        Assert.Null(confined.TerminatingError);
        Assert.Empty(confined.Errors.Select(e => e.Message));
        try
        {
            var run = fleet.Search().With("Kind", "pods").With("Cluster", "shop-only").Invoke();
            var inShop = fleet.Search().With("Kind", "pods").With("Cluster", "shop-only").With("Namespace", UserNames.ScopedNamespace).Invoke();

            var error = Assert.Single(run.Errors);
            Assert.Equal("ClusterForbidden", error.ErrorId);
            Assert.Equal(ErrorCategory.PermissionDenied, error.Category);
            Assert.Equal("shop-only", error.Target);
            Assert.Contains("pods is forbidden: User \"scoped\" cannot list resource \"pods\" in API group \"\" at the cluster scope", error.Message, StringComparison.Ordinal);
            Assert.Empty(inShop.Errors);
            Assert.NotEmpty(inShop.Output);
            Assert.All(inShop.OutputOf<KubeResource>(), pod => Assert.Equal(UserNames.ScopedNamespace, pod.Namespace));
        }
        finally
        {
            fleet.Bed.Harness<UnregisterKubeClusterCommand>().With("Name", "shop-only").Invoke();
        }
    }

    private HashSet<FoundObject> HealthyPods() =>
        fleet.Objects("", "pods").Where(entry => entry.Cluster != Broken).Select(FoundObject.Of).ToHashSet();
}
