using System.Management.Automation;
using KubeFleet.Engine.Errors;

namespace KubeFleet.Hosting;

/// <summary>
/// The base of every KubeFleet cmdlet. Everything a cmdlet emits, asks or resolves goes through
/// here to an <see cref="ICmdletHost"/>: PowerShell's runtime when PowerShell runs the cmdlet, the
/// harness in tests. Cmdlets override <see cref="Begin"/>, <see cref="Process"/> and
/// <see cref="End"/>; a <see cref="KubeFleetException"/> thrown from them ends the command as a
/// terminating error with the exception's id, category and target.
/// </summary>
public abstract class KubeFleetCmdlet : PSCmdlet, IDisposable
{
    public const string ProfileEnvironmentVariable = "KUBEFLEET_PROFILE";

    private readonly CancellationTokenSource stopping = new();
    private ICmdletHost? host;

    /// <summary>The profile to use instead of $env:KUBEFLEET_PROFILE or the default profile.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? ProfilePath { get; set; }

    /// <summary>
    /// Cancelled when the user stops the command (Ctrl+C). Named as PowerShell 7.6's own, which 7.4
    /// lacks; hand it to every engine call.
    /// </summary>
    protected CancellationToken PipelineStopToken => stopping.Token;

    private ICmdletHost Seam => host ??= new PowerShellCmdletHost(this);

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            stopping.Dispose();
        }
    }

    /// <summary>The begin block: runs once, before any pipeline input.</summary>
    protected virtual void Begin()
    {
    }

    /// <summary>The process block: runs once per pipeline input object, or once without input.</summary>
    protected virtual void Process()
    {
    }

    /// <summary>The end block: runs once, after all pipeline input.</summary>
    protected virtual void End()
    {
    }

    protected sealed override void BeginProcessing() => RunBlock(Begin);

    protected sealed override void ProcessRecord() => RunBlock(Process);

    protected sealed override void EndProcessing() => RunBlock(End);

    protected sealed override void StopProcessing() => stopping.Cancel();

    protected new void WriteObject(object item) => Seam.WriteObject(item);

    /// <summary>A non-terminating error: this item failed, the command goes on.</summary>
    protected void WriteError(KubeFleetException error) => Seam.WriteError(CmdletError.From(error));

    protected new void WriteWarning(string message) => Seam.WriteWarning(message);

    protected new void WriteVerbose(string message) => Seam.WriteVerbose(message);

    protected new void WriteDebug(string message) => Seam.WriteDebug(message);

    protected void WriteProgress(ProgressUpdate update) => Seam.WriteProgress(update);

    protected new bool ShouldProcess(string target, string action) => Seam.ShouldProcess(target, action);

    protected new string ParameterSetName => Seam.ParameterSetName;

    /// <summary>Tells "not given" from "given empty", as Set-* cmdlets must.</summary>
    protected bool IsParameterBound(string parameterName) => Seam.IsParameterBound(parameterName);

    /// <summary>Reads a switch parameter by name (<c>IsSwitchPresent(nameof(Force))</c>).</summary>
    protected bool IsSwitchPresent(string parameterName) => Seam.IsSwitchPresent(parameterName);

    protected string? GetEnvironmentVariable(string name) => Seam.GetEnvironmentVariable(name);

    /// <summary>-First, -Skip and -IncludeTotalCount, for a cmdlet that declares SupportsPaging.</summary>
    private protected PagingRequest Paging => Seam.Paging;

    /// <summary>The total count -IncludeTotalCount asks for; <paramref name="accuracy"/> is 1 when it is exact.</summary>
    protected void WriteTotalCount(ulong count, double accuracy) => Seam.WriteTotalCount(count, accuracy);

    /// <summary>
    /// A user-given path as a full file system path, resolved against PowerShell's current location
    /// (not the process's), with <c>~</c> and PowerShell drives expanded. The file need not exist.
    /// </summary>
    protected string ResolveFileSystemPath(string path)
    {
        var resolved = Seam.ResolvePath(path);
        if (!resolved.IsFileSystem)
        {
            throw new KubeFleetException(
                "PathNotFileSystem",
                ErrorKind.InvalidArgument,
                $"The path '{path}' is on PowerShell's {resolved.ProviderName} provider, but KubeFleet reads and writes files only. Give a file system path, such as './fleet.json'.",
                path);
        }

        return resolved.Path;
    }

    /// <summary>
    /// The profile this command uses: -ProfilePath, else $env:KUBEFLEET_PROFILE, resolved as file
    /// system paths; null when neither is given, so the engine uses the user's default profile.
    /// </summary>
    protected string? ResolveProfilePath()
    {
        if (!string.IsNullOrEmpty(ProfilePath))
        {
            return ResolveFileSystemPath(ProfilePath);
        }

        var fromEnvironment = GetEnvironmentVariable(ProfileEnvironmentVariable);
        return string.IsNullOrEmpty(fromEnvironment) ? null : ResolveFileSystemPath(fromEnvironment);
    }

    /// <summary>
    /// Runs <paramref name="produce"/> on worker threads and writes what it posts to the feed on the
    /// pipeline thread as it arrives, with progress from <paramref name="plan"/>. Returns when the
    /// producer is done; rethrows its failure. When the command is stopped, or a downstream command
    /// needs no more, the producer's token is cancelled and this waits for it to finish, so no
    /// worker outlives the command.
    /// </summary>
    protected void WriteFromWorkers<T>(ProgressPlan plan, Func<PipelineFeed<T>, CancellationToken, Task> produce)
        where T : notnull
    {
        using var workers = CancellationTokenSource.CreateLinkedTokenSource(PipelineStopToken);
        var feed = new PipelineFeed<T>(Seam, plan, workers.Token);
        WriteProgress(plan.Started());
        var producing = Task.Run(() => produce(feed, workers.Token), workers.Token);
        producing.ContinueWith(_ => feed.Complete(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        try
        {
            foreach (var message in feed.Drain(PipelineStopToken))
            {
                message();
            }

            producing.GetAwaiter().GetResult();
        }
        catch (KubeFleetException) when (!PipelineStopToken.IsCancellationRequested)
        {
            WriteProgress(feed.Finished());
            throw;
        }
        catch
        {
            workers.Cancel();
            WaitForCancelledProducer(producing);
            throw;
        }

        WriteProgress(feed.Finished());
    }

    private static void WaitForCancelledProducer(Task producing)
    {
        try
        {
            producing.Wait();
        }
        catch (AggregateException)
        {
            // The command is already failing or stopping; the producer's own cancellation or
            // failure is a consequence of that and would only hide the first exception.
        }
    }

    private void RunBlock(Action block)
    {
        try
        {
            block();
        }
        catch (KubeFleetException error)
        {
            Seam.ThrowTerminatingError(CmdletError.From(error));
        }
        catch (OperationCanceledException cancelled) when (PipelineStopToken.IsCancellationRequested)
        {
            throw new PipelineStoppedException("The pipeline has been stopped.", cancelled);
        }
    }

    // The harness drives a cmdlet the way PowerShell's command processor does.
    internal void UseHost(ICmdletHost testHost) => host = testHost;

    internal void InvokeBegin() => BeginProcessing();

    internal void InvokeProcess() => ProcessRecord();

    internal void InvokeEnd() => EndProcessing();

    internal void InvokeStop() => StopProcessing();
}
