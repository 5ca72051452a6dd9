using KubeFleet.Hosting;

namespace KubeFleet.Tests.Harness;

/// <summary>Everything one cmdlet run wrote, stream by stream, as the user would see it.</summary>
public sealed class CmdletRun
{
    internal List<object> OutputItems { get; } = [];

    internal List<CmdletError> ErrorItems { get; } = [];

    internal List<string> WarningItems { get; } = [];

    internal List<string> VerboseItems { get; } = [];

    internal List<string> DebugItems { get; } = [];

    internal List<ProgressUpdate> ProgressItems { get; } = [];

    internal List<ShouldProcessCall> ShouldProcessItems { get; } = [];

    public IReadOnlyList<object> Output => OutputItems;

    /// <summary>Non-terminating errors, in order.</summary>
    public IReadOnlyList<CmdletError> Errors => ErrorItems;

    public IReadOnlyList<string> Warnings => WarningItems;

    public IReadOnlyList<string> Verbose => VerboseItems;

    public IReadOnlyList<string> Debug => DebugItems;

    public IReadOnlyList<ProgressUpdate> Progress => ProgressItems;

    public IReadOnlyList<ShouldProcessCall> ShouldProcessCalls => ShouldProcessItems;

    /// <summary>The error that ended the command, if one did.</summary>
    public CmdletError? TerminatingError { get; internal set; }

    /// <summary>True when the command was stopped (Ctrl+C) before it finished.</summary>
    public bool Stopped { get; internal set; }

    /// <summary>What -IncludeTotalCount reported (PowerShell writes it to the output stream first).</summary>
    public TotalCount? TotalCount { get; internal set; }

    /// <summary>The parameter set the last block ran in.</summary>
    public string ParameterSetName { get; internal set; } = "";

    /// <summary>The output, each item cast to <typeparamref name="T"/> (a wrong type fails the test).</summary>
    public IReadOnlyList<T> OutputOf<T>() => OutputItems.Cast<T>().ToList();
}

/// <summary>The total count a cmdlet reported for -IncludeTotalCount; an accuracy of 1 means exact.</summary>
public sealed record TotalCount(ulong Count, double Accuracy);

/// <summary>One ShouldProcess question and how it was answered.</summary>
public sealed record ShouldProcessCall(string Target, string Action, ShouldProcessOutcome Outcome)
{
    /// <summary>The line PowerShell prints for it under -WhatIf.</summary>
    public string WhatIfMessage => $"What if: Performing the operation \"{Action}\" on target \"{Target}\".";
}

public enum ShouldProcessOutcome
{
    /// <summary>Neither -WhatIf nor -Confirm: the change went ahead without a prompt.</summary>
    Proceeded,

    /// <summary>-WhatIf: the change was only described.</summary>
    WhatIf,

    /// <summary>-Confirm, answered yes (or yes to all earlier).</summary>
    Confirmed,

    /// <summary>-Confirm, answered no (or no to all earlier).</summary>
    Declined,
}

/// <summary>The answers a user gives to -Confirm's prompt.</summary>
public enum ConfirmAnswer
{
    Yes,
    YesToAll,
    No,
    NoToAll,
}
