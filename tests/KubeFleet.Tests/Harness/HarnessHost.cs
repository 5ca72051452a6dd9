using System.Management.Automation;
using KubeFleet.Hosting;

namespace KubeFleet.Tests.Harness;

/// <summary>
/// The seam as the harness runs it: records every write, answers ShouldProcess as -WhatIf or
/// -Confirm would, resolves paths against the test's directories, and enforces PowerShell's rules:
/// Write* only on the pipeline thread inside a block, and after a stop every write throws
/// PipelineStoppedException.
/// </summary>
internal sealed class HarnessHost(HarnessSettings settings, CmdletRun run, Action requestStop) : ICmdletHost
{
    // PowerShell's built-in drives on other providers; a path on one of them is not a file.
    private static readonly Dictionary<string, string> NonFileSystemDrives = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Env"] = "Environment",
        ["Variable"] = "Variable",
        ["Function"] = "Function",
        ["Alias"] = "Alias",
        ["Cert"] = "Certificate",
        ["HKLM"] = "Registry",
        ["HKCU"] = "Registry",
        ["WSMan"] = "WSMan",
    };

    private readonly Queue<ConfirmAnswer> confirmAnswers = new(settings.ConfirmAnswers);
    private bool? confirmAll;
    private int pipelineThread = -1;
    private bool inBlock;
    private volatile bool stopping;

    public string ParameterSetName => run.ParameterSetName;

    public Dictionary<string, object?> Bound { get; } = new(StringComparer.OrdinalIgnoreCase);

    public void EnterBlock()
    {
        pipelineThread = Environment.CurrentManagedThreadId;
        inBlock = true;
    }

    public void LeaveBlock() => inBlock = false;

    public void MarkStopping() => stopping = true;

    public void WriteObject(object item) => Record(run.OutputItems, item);

    public void WriteError(CmdletError error)
    {
        if (settings.ErrorActionStop)
        {
            // PowerShell throws ActionPreferenceStopException out of WriteError: the error ends the command.
            ThrowTerminatingError(error);
        }

        Record(run.ErrorItems, error);
    }

    public void ThrowTerminatingError(CmdletError error)
    {
        CheckPipelineThread();
        throw new TerminatingErrorThrown(error);
    }

    public void WriteWarning(string message) => Record(run.WarningItems, message);

    public void WriteVerbose(string message) => Record(run.VerboseItems, message);

    public void WriteDebug(string message) => Record(run.DebugItems, message);

    public void WriteProgress(ProgressUpdate update) => Record(run.ProgressItems, update);

    public bool ShouldProcess(string target, string action)
    {
        CheckPipelineThread();
        var outcome = Decide(target, action);
        Record(run.ShouldProcessItems, new ShouldProcessCall(target, action, outcome));
        return outcome is ShouldProcessOutcome.Proceeded or ShouldProcessOutcome.Confirmed;
    }

    public bool IsParameterBound(string parameterName) => Bound.ContainsKey(parameterName);

    public bool IsSwitchPresent(string parameterName) => Bound.TryGetValue(parameterName, out var value) && value is true;

    public ProviderPath ResolvePath(string path)
    {
        var colon = path.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && NonFileSystemDrives.TryGetValue(path[..colon], out var provider))
        {
            return new ProviderPath(path[(colon + 1)..].TrimStart('\\', '/'), provider);
        }

        var expanded = path == "~" || path.StartsWith("~/", StringComparison.Ordinal) || path.StartsWith("~\\", StringComparison.Ordinal)
            ? Path.Join(Required(settings.HomeDirectory, "a home directory (WithHomeDirectory) to resolve '~'"), path[1..])
            : path;
        return new ProviderPath(
            Path.GetFullPath(expanded, Required(settings.WorkingDirectory, $"a working directory (InDirectory) to resolve '{path}'")),
            ProviderPath.FileSystem);
    }

    public string? GetEnvironmentVariable(string name) => settings.Environment.GetValueOrDefault(name);

    public PagingRequest Paging => new(
        Bound.TryGetValue("First", out var first) && first is ulong firstCount ? firstCount : ulong.MaxValue,
        Bound.TryGetValue("Skip", out var skip) && skip is ulong skipCount ? skipCount : 0,
        IsSwitchPresent("IncludeTotalCount"));

    public void WriteTotalCount(ulong count, double accuracy)
    {
        CheckPipelineThread();
        run.TotalCount = new TotalCount(count, accuracy);
    }

    private ShouldProcessOutcome Decide(string target, string action)
    {
        if (settings.WhatIf)
        {
            return ShouldProcessOutcome.WhatIf;
        }

        if (!settings.Confirm)
        {
            return ShouldProcessOutcome.Proceeded;
        }

        if (confirmAll is { } all)
        {
            return all ? ShouldProcessOutcome.Confirmed : ShouldProcessOutcome.Declined;
        }

        if (!confirmAnswers.TryDequeue(out var answer))
        {
            throw new InvalidOperationException(
                $"The cmdlet asked to confirm \"{action}\" on \"{target}\", but the test gave no more answers to -Confirm.");
        }

        confirmAll = answer switch
        {
            ConfirmAnswer.YesToAll => true,
            ConfirmAnswer.NoToAll => false,
            _ => null,
        };
        return answer is ConfirmAnswer.Yes or ConfirmAnswer.YesToAll ? ShouldProcessOutcome.Confirmed : ShouldProcessOutcome.Declined;
    }

    private void Record<T>(List<T> stream, T item)
    {
        CheckPipelineThread();
        stream.Add(item);
        if (settings.StopWhen?.Invoke(run) == true)
        {
            requestStop();
        }
    }

    private void CheckPipelineThread()
    {
        if (!inBlock || Environment.CurrentManagedThreadId != pipelineThread)
        {
            // PowerShell's own rule, with its own words.
            throw new InvalidOperationException(
                "The WriteObject and WriteError methods cannot be called from outside the overrides of the BeginProcessing, ProcessRecord, and EndProcessing methods, and they can only be called from within the same thread.");
        }

        if (stopping)
        {
            throw new PipelineStoppedException();
        }
    }

    private static string Required(string? directory, string what) =>
        directory ?? throw new InvalidOperationException($"The harness needs {what}.");
}

/// <summary>Unwinds the cmdlet after ThrowTerminatingError, as PowerShell's own exception does.</summary>
internal sealed class TerminatingErrorThrown(CmdletError error) : Exception(error.Message, error.Exception)
{
    public CmdletError Error { get; } = error;
}
