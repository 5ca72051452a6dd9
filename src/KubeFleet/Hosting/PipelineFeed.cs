using System.Threading.Channels;
using KubeFleet.Engine.Errors;

namespace KubeFleet.Hosting;

/// <summary>
/// What worker threads hand to the pipeline thread. PowerShell accepts Write* calls only on the
/// pipeline thread, so workers post here and <see cref="KubeFleetCmdlet.WriteFromWorkers{T}"/>
/// delivers each message, in order, on the pipeline thread. The queue is bounded: when the
/// pipeline is slow (a slow downstream command), workers wait instead of buffering without limit.
/// Every post waits at most until the command is stopped, then throws OperationCanceledException.
/// </summary>
public sealed class PipelineFeed<T>
    where T : notnull
{
    private const int Capacity = 256;

    private readonly Channel<Action> messages =
        Channel.CreateBounded<Action>(new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private readonly ICmdletHost host;
    private readonly ProgressPlan progress;
    private readonly CancellationToken cancellation;
    private int stepsDone;

    internal PipelineFeed(ICmdletHost host, ProgressPlan progress, CancellationToken cancellation)
    {
        this.host = host;
        this.progress = progress;
        this.cancellation = cancellation;
    }

    public ValueTask WriteObjectAsync(T item) => Post(() => host.WriteObject(item));

    /// <summary>A non-terminating error: the work goes on (one cluster failed, the others did not).</summary>
    public ValueTask WriteErrorAsync(KubeFleetException error) => Post(() => host.WriteError(CmdletError.From(error)));

    public ValueTask WriteWarningAsync(string message) => Post(() => host.WriteWarning(message));

    public ValueTask WriteVerboseAsync(string message) => Post(() => host.WriteVerbose(message));

    /// <summary>One step of the plan is done (a cluster answered or failed); moves the progress bar.</summary>
    public ValueTask StepCompletedAsync(string status) => Post(() => host.WriteProgress(progress.StepCompleted(++stepsDone, status)));

    internal ProgressUpdate Finished() => progress.Finished(stepsDone);

    internal void Complete() => messages.Writer.TryComplete();

    /// <summary>Blocks the pipeline thread until the next messages arrive; ends when the producers are done.</summary>
    internal IEnumerable<Action> Drain(CancellationToken stopping)
    {
        var reader = messages.Reader;
        while (reader.WaitToReadAsync(stopping).AsTask().GetAwaiter().GetResult())
        {
            while (reader.TryRead(out var message))
            {
                yield return message;
            }
        }
    }

    private ValueTask Post(Action message) => messages.Writer.WriteAsync(message, cancellation);
}
