using System.Management.Automation;
using System.Runtime.CompilerServices;
using KubeFleet.Engine.Errors;
using KubeFleet.Hosting;

namespace KubeFleet.Tests.Harness.Fixtures;

/// <summary>
/// A fan-out like Search-KubeResource's: one worker per cluster, each streaming items from its own
/// thread. A failing cluster reports a non-terminating error; a fatal one fails the whole search;
/// with -Hang, every cluster stops after its first item until the command is stopped.
/// </summary>
[Cmdlet(VerbsCommon.Search, "HarnessFleet")]
[OutputType(typeof(HarnessItem))]
public sealed class SearchHarnessFleetCommand : KubeFleetCmdlet
{
    [Parameter]
    public int Clusters { get; set; } = 4;

    [Parameter]
    public int ItemsPerCluster { get; set; } = 25;

    [Parameter]
    public int FailingCluster { get; set; } = -1;

    [Parameter]
    public int FatalCluster { get; set; } = -1;

    [Parameter]
    public SwitchParameter Hang { get; set; }

    /// <summary>Counts workers still running; the test reads it after the command returns.</summary>
    [Parameter]
    public StrongBox<int>? RunningWorkers { get; set; }

    protected override void End()
    {
        var hang = IsSwitchPresent(nameof(Hang));
        var plan = new ProgressPlan(1, "Searching the harness fleet", Clusters);
        WriteFromWorkers<HarnessItem>(plan, (feed, cancellation) =>
            Task.WhenAll(Enumerable.Range(0, Clusters).Select(cluster => Task.Run(() => SearchCluster(cluster, hang, feed, cancellation)))));
    }

    private async Task SearchCluster(int cluster, bool hang, PipelineFeed<HarnessItem> feed, CancellationToken cancellation)
    {
        if (RunningWorkers is { } started)
        {
            Interlocked.Increment(ref started.Value);
        }

        try
        {
            var name = $"cluster-{cluster}";
            if (cluster == FatalCluster)
            {
                throw new KubeFleetException("HarnessFleetBroken", ErrorKind.InvalidData, $"{name} broke the search.", name);
            }

            if (cluster == FailingCluster)
            {
                await feed.WriteErrorAsync(new KubeFleetException("HarnessClusterUnreachable", ErrorKind.ConnectionError, $"{name} did not answer.", name));
                await feed.StepCompletedAsync($"{name} failed");
                return;
            }

            for (var item = 0; item < ItemsPerCluster; item++)
            {
                await feed.WriteObjectAsync(new HarnessItem($"{name}/item-{item}"));
                if (hang)
                {
                    await Task.Delay(Timeout.Infinite, cancellation);
                }
            }

            await feed.StepCompletedAsync($"searched {name}");
        }
        finally
        {
            if (RunningWorkers is { } finished)
            {
                Interlocked.Decrement(ref finished.Value);
            }
        }
    }
}
