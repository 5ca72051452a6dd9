using System.Management.Automation;
using System.Runtime.ExceptionServices;
using KubeFleet.Hosting;

namespace KubeFleet.Tests.Harness.Fixtures;

/// <summary>Writes from a worker thread, which PowerShell forbids.</summary>
[Cmdlet(VerbsCommon.Get, "HarnessOffThread")]
[OutputType(typeof(HarnessItem))]
public sealed class GetHarnessOffThreadCommand : KubeFleetCmdlet
{
    protected override void Process()
    {
        // A thread of its own: a task awaited here could run inline on the pipeline thread.
        ExceptionDispatchInfo? failure = null;
        var worker = new Thread(() =>
        {
            try
            {
                WriteObject(new HarnessItem("off-thread"));
            }
            catch (InvalidOperationException refused)
            {
                failure = ExceptionDispatchInfo.Capture(refused);
            }
        });
        worker.Start();
        worker.Join();
        failure?.Throw();
    }
}

/// <summary>Waits until the command is stopped, after telling the test it has started.</summary>
[Cmdlet(VerbsLifecycle.Wait, "HarnessStop")]
public sealed class WaitHarnessStopCommand : KubeFleetCmdlet
{
    [Parameter(Mandatory = true)]
    public ManualResetEventSlim? Started { get; set; }

    protected override void Process()
    {
        Started!.Set();
        Task.Delay(Timeout.Infinite, PipelineStopToken).GetAwaiter().GetResult();
    }
}
