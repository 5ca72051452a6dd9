using System.Management.Automation;
using KubeFleet.Engine.Errors;

namespace KubeFleet.Hosting;

/// <summary>The seam as PowerShell runs it: KubeFleet's records become PowerShell's own.</summary>
internal sealed class PowerShellCmdletHost(PSCmdlet cmdlet) : ICmdletHost
{
    public string ParameterSetName => cmdlet.ParameterSetName;

    public void WriteObject(object item) => cmdlet.WriteObject(item);

    public void WriteError(CmdletError error) => cmdlet.WriteError(ToErrorRecord(error));

    public void ThrowTerminatingError(CmdletError error) => cmdlet.ThrowTerminatingError(ToErrorRecord(error));

    public void WriteWarning(string message) => cmdlet.WriteWarning(message);

    public void WriteVerbose(string message) => cmdlet.WriteVerbose(message);

    public void WriteDebug(string message) => cmdlet.WriteDebug(message);

    public void WriteProgress(ProgressUpdate update) =>
        cmdlet.WriteProgress(new ProgressRecord(update.ActivityId, update.Activity, update.Status)
        {
            PercentComplete = update.PercentComplete,
            CurrentOperation = update.CurrentOperation,
            RecordType = update.Completed ? ProgressRecordType.Completed : ProgressRecordType.Processing,
        });

    public bool ShouldProcess(string target, string action) => cmdlet.ShouldProcess(target, action);

    public bool IsParameterBound(string parameterName) => cmdlet.MyInvocation.BoundParameters.ContainsKey(parameterName);

    public bool IsSwitchPresent(string parameterName) =>
        cmdlet.MyInvocation.BoundParameters.TryGetValue(parameterName, out var value) && value is SwitchParameter { IsPresent: true };

    public ProviderPath ResolvePath(string path)
    {
        try
        {
            var providerPath = cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out var provider, out _);
            return new ProviderPath(providerPath, provider.Name);
        }
        catch (SessionStateException notResolved)
        {
            throw new KubeFleetException(
                "PathNotResolved",
                ErrorKind.InvalidArgument,
                $"Cannot resolve the path '{path}': {notResolved.Message} Give a file system path, such as './fleet.json'.",
                path,
                notResolved);
        }
    }

    public string? GetEnvironmentVariable(string name) => Environment.GetEnvironmentVariable(name);

    public PagingRequest Paging => cmdlet.PagingParameters is { } paging
        ? new PagingRequest(paging.First, paging.Skip, paging.IncludeTotalCount.IsPresent)
        : PagingRequest.None;

    public void WriteTotalCount(ulong count, double accuracy) =>
        cmdlet.WriteObject(cmdlet.PagingParameters.NewTotalCount(count, accuracy));

    private static ErrorRecord ToErrorRecord(CmdletError error) =>
        new(error.Exception, error.ErrorId, error.Category, error.Target);
}
