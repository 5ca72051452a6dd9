using System.Text.Json;
using KubeFleet.StandIn.Data.Generation.Pods;
using KubeFleet.StandIn.Data.Json;

namespace KubeFleet.StandIn.Data.Generation.Kinds;

/// <summary>A finished Job: one pod that either completed or exhausted its retries.</summary>
internal sealed record JobModel(ObjectMeta Meta, PodTemplate Template, bool Succeeded, int BackoffLimit, DateTimeOffset Started, DateTimeOffset Finished);

internal sealed record CronJobModel(ObjectMeta Meta, string Schedule, PodTemplate JobTemplate, DateTimeOffset LastSchedule, DateTimeOffset? LastSuccess);

/// <summary>Jobs and CronJobs (batch/v1).</summary>
internal static class BatchWriters
{
    /// <summary>Scheduled jobs here do not retry a failed run: the next schedule is the retry.</summary>
    public const int CronJobBackoffLimit = 0;

    public static void WriteJob(Utf8JsonWriter writer, JobModel job, string resourceVersion)
    {
        writer.WriteStartObject();
        job.Meta.Write(writer, resourceVersion);
        WriteJobSpec(writer, job.Template, job.BackoffLimit, job.Meta.Uid);
        writer.WriteStartObject("status");
        writer.WriteStartArray("conditions");
        if (job.Succeeded)
        {
            WriteCondition(writer, "Complete", job.Finished, "CompletionsReached", "Reached expected number of succeeded pods");
        }
        else
        {
            WriteCondition(writer, "FailureTarget", job.Finished, "BackoffLimitExceeded", "Job has reached the specified backoff limit");
            WriteCondition(writer, "Failed", job.Finished, "BackoffLimitExceeded", "Job has reached the specified backoff limit");
        }

        writer.WriteEndArray();
        writer.WriteTime("startTime", job.Started);
        if (job.Succeeded)
        {
            writer.WriteTime("completionTime", job.Finished);
            writer.WriteNumber("succeeded", 1);
        }
        else
        {
            writer.WriteNumber("failed", job.BackoffLimit + 1);
        }

        writer.WriteNumber("terminating", 0);
        writer.WriteEmptyObject("uncountedTerminatedPods");
        writer.WriteNumber("ready", 0);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    public static void WriteCronJob(Utf8JsonWriter writer, CronJobModel cronJob, string resourceVersion)
    {
        writer.WriteStartObject();
        cronJob.Meta.Write(writer, resourceVersion);
        writer.WriteStartObject("spec");
        writer.WriteString("schedule", cronJob.Schedule);
        writer.WriteString("concurrencyPolicy", "Forbid");
        writer.WriteBoolean("suspend", false);
        writer.WriteStartObject("jobTemplate");
        writer.WriteStartObject("metadata");
        writer.WriteNull("creationTimestamp");
        writer.WriteEndObject();
        writer.WriteStartObject("spec");
        writer.WriteNumber("backoffLimit", CronJobBackoffLimit);
        AppsWriters.WriteTemplate(writer, cronJob.JobTemplate);
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteNumber("successfulJobsHistoryLimit", 3);
        writer.WriteNumber("failedJobsHistoryLimit", 1);
        writer.WriteEndObject();
        writer.WriteStartObject("status");
        writer.WriteTime("lastScheduleTime", cronJob.LastSchedule);
        if (cronJob.LastSuccess is { } success)
        {
            writer.WriteTime("lastSuccessfulTime", success);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary>The labels the Job controller puts on a job's pods and selects them by.</summary>
    public static Dictionary<string, string> PodLabels(string jobName, string jobUid) => new()
    {
        ["batch.kubernetes.io/controller-uid"] = jobUid,
        ["batch.kubernetes.io/job-name"] = jobName,
        ["controller-uid"] = jobUid,
        ["job-name"] = jobName,
    };

    private static void WriteJobSpec(Utf8JsonWriter writer, PodTemplate template, int backoffLimit, string jobUid)
    {
        writer.WriteStartObject("spec");
        writer.WriteNumber("parallelism", 1);
        writer.WriteNumber("completions", 1);
        writer.WriteNumber("backoffLimit", backoffLimit);
        AppsWriters.WriteSelector(writer, new Dictionary<string, string> { ["batch.kubernetes.io/controller-uid"] = jobUid });
        AppsWriters.WriteTemplate(writer, template);
        writer.WriteString("completionMode", "NonIndexed");
        writer.WriteBoolean("suspend", false);
        writer.WriteString("podReplacementPolicy", "TerminatingOrFailed");
        writer.WriteEndObject();
    }

    private static void WriteCondition(Utf8JsonWriter writer, string type, DateTimeOffset at, string reason, string message)
    {
        writer.WriteStartObject();
        writer.WriteString("type", type);
        writer.WriteString("status", "True");
        writer.WriteTime("lastProbeTime", at);
        writer.WriteTime("lastTransitionTime", at);
        writer.WriteString("reason", reason);
        writer.WriteString("message", message);
        writer.WriteEndObject();
    }
}
