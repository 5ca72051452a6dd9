namespace KubeFleet.Tests.Harness;

/// <summary>How the harness answers the cmdlet: the session a test sets up.</summary>
internal sealed class HarnessSettings
{
    public bool WhatIf { get; set; }

    public bool Confirm { get; set; }

    public List<ConfirmAnswer> ConfirmAnswers { get; } = [];

    public Dictionary<string, string?> Environment { get; } = new(StringComparer.Ordinal);

    public string? WorkingDirectory { get; set; }

    public string? HomeDirectory { get; set; }

    public Func<CmdletRun, bool>? StopWhen { get; set; }

    /// <summary>-ErrorAction Stop: the first non-terminating error ends the command.</summary>
    public bool ErrorActionStop { get; set; }
}
