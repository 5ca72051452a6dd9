namespace KubeFleet.Hosting;

/// <summary>
/// Where a KubeFleet cmdlet's output goes and where its questions are answered: the PowerShell
/// runtime, or the test harness, which records everything exactly as a user would see it. The stub
/// System.Management.Automation that tests compile against does nothing in its members, so nothing
/// a cmdlet emits or asks may bypass this interface. Called on the pipeline thread only.
/// </summary>
internal interface ICmdletHost
{
    void WriteObject(object item);

    void WriteError(CmdletError error);

    /// <summary>Ends the command with <paramref name="error"/>. PowerShell throws from here.</summary>
    void ThrowTerminatingError(CmdletError error);

    void WriteWarning(string message);

    void WriteVerbose(string message);

    void WriteDebug(string message);

    void WriteProgress(ProgressUpdate update);

    /// <summary>Answers as -WhatIf, -Confirm and $ConfirmPreference direct.</summary>
    bool ShouldProcess(string target, string action);

    string ParameterSetName { get; }

    /// <summary>True when the user gave the parameter, even with an empty value.</summary>
    bool IsParameterBound(string parameterName);

    bool IsSwitchPresent(string parameterName);

    /// <summary>Resolves a path as PowerShell's current location and providers see it.</summary>
    ProviderPath ResolvePath(string path);

    string? GetEnvironmentVariable(string name);

    /// <summary>What -First, -Skip and -IncludeTotalCount asked for; <see cref="PagingRequest.None"/> without SupportsPaging.</summary>
    PagingRequest Paging { get; }

    /// <summary>Writes the total count that -IncludeTotalCount asks for; <paramref name="accuracy"/> is 1 for an exact count.</summary>
    void WriteTotalCount(ulong count, double accuracy);
}
