using System.Management.Automation;
using KubeFleet.Tests.Harness.Fixtures;

namespace KubeFleet.Tests.Harness;

public sealed class HarnessStreamTests
{
    [Fact]
    public void Records_a_non_terminating_error_as_the_user_sees_it_and_goes_on()
    {
        var run = new CmdletHarness<GetHarnessItemCommand>().With("Name", new[] { "missing", "web" }).Invoke();

        var error = Assert.Single(run.Errors);
        Assert.Equal("HarnessItemNotFound", error.ErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.Category);
        Assert.Equal("No item 'missing'. Run Get-HarnessItem to list them.", error.Message);
        Assert.Equal("missing", error.Target);
        Assert.Equal(["web"], run.OutputOf<HarnessItem>().Select(i => i.Name));
        Assert.Null(run.TerminatingError);
    }

    [Fact]
    public void Under_ErrorAction_Stop_the_first_error_ends_the_command()
    {
        var run = new CmdletHarness<GetHarnessItemCommand>().With("Name", new[] { "web", "missing", "db" }).WithErrorActionStop().Invoke();

        Assert.Equal("HarnessItemNotFound", run.TerminatingError?.ErrorId);
        Assert.Empty(run.Errors);
        Assert.Equal(["web"], run.OutputOf<HarnessItem>().Select(i => i.Name));
    }

    [Fact]
    public void Turns_an_engine_exception_into_a_terminating_error_that_ends_the_command()
    {
        var run = new CmdletHarness<GetHarnessItemCommand>().With("Name", new[] { "web", "fatal", "db" }).Invoke();

        Assert.NotNull(run.TerminatingError);
        Assert.Equal("HarnessItemBroken", run.TerminatingError.ErrorId);
        Assert.Equal(ErrorCategory.InvalidData, run.TerminatingError.Category);
        Assert.Equal("fatal", run.TerminatingError.Target);
        Assert.Equal(["web"], run.OutputOf<HarnessItem>().Select(i => i.Name));
    }

    [Fact]
    public void Records_warnings_in_their_own_stream()
    {
        var run = new CmdletHarness<GetHarnessItemCommand>().With("Name", "noisy").Invoke();

        Assert.Equal(["Item 'noisy' is noisy."], run.Warnings);
        Assert.Single(run.Output);
    }

    [Fact]
    public void Forbids_writing_from_another_thread_as_PowerShell_does()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new CmdletHarness<GetHarnessOffThreadCommand>().Invoke());

        Assert.Contains("same thread", error.Message);
    }

    [Fact]
    public async Task Stops_a_command_from_another_thread_and_reports_it_stopped()
    {
        using var started = new ManualResetEventSlim();
        var harness = new CmdletHarness<WaitHarnessStopCommand>().With("Started", started);
        var stopper = Task.Run(() =>
        {
            started.Wait();
            harness.Stop();
        });

        var run = harness.Invoke();
        await stopper;

        Assert.True(run.Stopped);
        Assert.Null(run.TerminatingError);
    }

    [Fact]
    public void Stops_a_command_once_what_it_wrote_meets_the_condition()
    {
        var run = new CmdletHarness<GetHarnessItemCommand>().With("Name", "web").With("Repeat", 10)
            .StopWhen(soFar => soFar.Output.Count == 3).Invoke();

        Assert.True(run.Stopped);
        Assert.Equal(3, run.Output.Count);
    }
}
