using System.Runtime.CompilerServices;
using KubeFleet.Tests.Harness.Fixtures;

namespace KubeFleet.Tests.Harness;

public sealed class HarnessWorkerTests
{
    [Fact]
    public void Streams_every_item_from_every_worker_onto_the_pipeline_thread()
    {
        var run = new CmdletHarness<SearchHarnessFleetCommand>().With("Clusters", 8).With("ItemsPerCluster", 500).Invoke();

        Assert.Null(run.TerminatingError);
        Assert.Equal(4000, run.Output.Count);
        Assert.Equal(4000, run.OutputOf<HarnessItem>().Select(i => i.Name).Distinct().Count());
    }

    [Fact]
    public void Reports_progress_that_only_moves_forward_and_ends_completed()
    {
        var run = new CmdletHarness<SearchHarnessFleetCommand>().With("Clusters", 5).Invoke();

        Assert.All(run.Progress, p => Assert.Equal(1, p.ActivityId));
        Assert.Equal(0, run.Progress[0].PercentComplete);
        var percents = run.Progress.Select(p => p.PercentComplete).ToList();
        Assert.Equal(percents.Order(), percents);
        Assert.Equal(7, run.Progress.Count);
        Assert.True(run.Progress[^1].Completed);
        Assert.Equal("5 of 5 done", run.Progress[^1].Status);
        Assert.Single(run.Progress, p => p.Completed);
    }

    [Fact]
    public void A_failing_worker_reports_a_non_terminating_error_and_the_others_go_on()
    {
        var run = new CmdletHarness<SearchHarnessFleetCommand>().With("Clusters", 3).With("ItemsPerCluster", 10).With("FailingCluster", 1).Invoke();

        var error = Assert.Single(run.Errors);
        Assert.Equal("HarnessClusterUnreachable", error.ErrorId);
        Assert.Equal("cluster-1", error.Target);
        Assert.Equal(20, run.Output.Count);
        Assert.Null(run.TerminatingError);
    }

    [Fact]
    public void A_fatal_worker_failure_ends_the_command_and_closes_the_progress_bar()
    {
        var running = new StrongBox<int>();
        var run = new CmdletHarness<SearchHarnessFleetCommand>().With("FatalCluster", 2).With("RunningWorkers", running).Invoke();

        Assert.NotNull(run.TerminatingError);
        Assert.Equal("HarnessFleetBroken", run.TerminatingError.ErrorId);
        Assert.True(run.Progress[^1].Completed);
        Assert.Equal(0, running.Value);
    }

    [Fact]
    public void Stopping_cancels_the_workers_and_waits_for_them()
    {
        var running = new StrongBox<int>();
        var run = new CmdletHarness<SearchHarnessFleetCommand>().WithSwitch("Hang").With("RunningWorkers", running)
            .StopWhen(soFar => soFar.Output.Count == 2).Invoke();

        Assert.True(run.Stopped);
        Assert.Equal(2, run.Output.Count);
        Assert.Equal(0, running.Value);
        Assert.DoesNotContain(run.Progress, p => p.Completed);
    }
}
