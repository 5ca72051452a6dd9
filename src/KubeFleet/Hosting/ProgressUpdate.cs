namespace KubeFleet.Hosting;

/// <summary>
/// One progress record. <see cref="ActivityId"/> stays the same for a whole command so PowerShell
/// redraws one bar; the last update of an activity has <see cref="Completed"/> set.
/// </summary>
public sealed record ProgressUpdate
{
    public ProgressUpdate(int activityId, string activity, string status)
    {
        // PowerShell's ProgressRecord refuses empty text; fail here, where the cmdlet author sees why.
        ArgumentException.ThrowIfNullOrWhiteSpace(activity);
        ArgumentException.ThrowIfNullOrWhiteSpace(status);
        ActivityId = activityId;
        Activity = activity;
        Status = status;
    }

    public int ActivityId { get; }

    public string Activity { get; }

    public string Status { get; }

    /// <summary>0 to 100, or -1 when unknown.</summary>
    public int PercentComplete { get; init; } = -1;

    public string? CurrentOperation { get; init; }

    public bool Completed { get; init; }
}
