using System.Globalization;
using System.Text.Json;

namespace KubeFleet.Engine.Search.Status;

/// <summary>Jobs and cron jobs, as kubectl's STATUS, COMPLETIONS, SCHEDULE, SUSPEND and ACTIVE columns show them.</summary>
internal static class BatchStatus
{
    public static string Job(JsonElement job)
    {
        var state = StatusJson.HasTrueCondition(job, "Complete") ? "Complete"
            : StatusJson.HasTrueCondition(job, "Failed") ? "Failed"
            : StatusJson.Exists(job, "metadata", "deletionTimestamp") ? "Terminating"
            : StatusJson.HasTrueCondition(job, "Suspended") ? "Suspended"
            : StatusJson.HasTrueCondition(job, "FailureTarget") ? "FailureTarget"
            : StatusJson.HasTrueCondition(job, "SuccessCriteriaMet") ? "SuccessCriteriaMet"
            : "Running";
        var succeeded = StatusJson.Integer(job, "status", "succeeded");
        var parallelism = StatusJson.Integer(job, "spec", "parallelism");
        var completions = StatusJson.OptionalInteger(job, "spec", "completions") is { } wanted
            ? string.Create(CultureInfo.InvariantCulture, $"{succeeded}/{wanted}")
            : parallelism > 1
                ? string.Create(CultureInfo.InvariantCulture, $"{succeeded}/1 of {parallelism}")
                : string.Create(CultureInfo.InvariantCulture, $"{succeeded}/1");
        return $"{state}, {completions} completions";
    }

    public static string CronJob(JsonElement cronJob)
    {
        var active = StatusJson.Items(cronJob, "status", "active").Count();
        var summary = string.Create(CultureInfo.InvariantCulture, $"{StatusJson.Text(cronJob, "spec", "schedule")}, {active} active");
        return StatusJson.Flag(cronJob, "spec", "suspend") ? summary + ", suspended" : summary;
    }
}
