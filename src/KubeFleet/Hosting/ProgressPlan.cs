namespace KubeFleet.Hosting;

/// <summary>
/// The progress of work split into a known number of steps (typically one per cluster): the
/// records it makes always move forward and always end with a completed record.
/// </summary>
public sealed record ProgressPlan(int ActivityId, string Activity, int TotalSteps)
{
    public ProgressUpdate Started() => new(ActivityId, Activity, Tally(0)) { PercentComplete = 0 };

    public ProgressUpdate StepCompleted(int stepsDone, string status) =>
        new(ActivityId, Activity, $"{Tally(stepsDone)}: {status}") { PercentComplete = PercentOf(stepsDone) };

    public ProgressUpdate Finished(int stepsDone) =>
        new(ActivityId, Activity, Tally(stepsDone)) { PercentComplete = 100, Completed = true };

    private string Tally(int stepsDone) => $"{stepsDone} of {TotalSteps} done";

    private int PercentOf(int stepsDone) => TotalSteps <= 0 ? 100 : Math.Min(100, stepsDone * 100 / TotalSteps);
}
