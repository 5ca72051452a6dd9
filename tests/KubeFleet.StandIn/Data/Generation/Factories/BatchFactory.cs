using KubeFleet.StandIn.Data.Catalog;
using KubeFleet.StandIn.Data.Generation.Kinds;
using KubeFleet.StandIn.Data.Generation.Pods;

namespace KubeFleet.StandIn.Data.Generation.Factories;

/// <summary>Creates CronJobs with the Jobs their history keeps, standalone Jobs, and the pod each Job ran.</summary>
internal sealed class BatchFactory(GenerationContext context, PodFactory pods)
{
    /// <summary>Runs a CronJob keeps: three successful, one failed.</summary>
    public const int RunsKept = 3;

    private static readonly ResourceType CronJobs = BuiltInResources.Get("batch", "cronjobs");
    private static readonly ResourceType Jobs = BuiltInResources.Get("batch", "jobs");

    private static readonly IReadOnlyList<(string Schedule, TimeSpan Interval)> Schedules =
    [
        ("0 2 * * *", TimeSpan.FromDays(1)),
        ("0 * * * *", TimeSpan.FromHours(1)),
        ("*/30 * * * *", TimeSpan.FromMinutes(30)),
        ("15 3 * * 0", TimeSpan.FromDays(7)),
    ];

    /// <summary>A CronJob and its last <see cref="RunsKept"/> runs; the latest may have failed.</summary>
    public void CronJob(AppProfile app, DateTimeOffset created, PodTemplate template)
    {
        var entropy = context.Entropy;
        var (schedule, interval) = entropy.Pick(Schedules);
        var uid = entropy.Uid();
        var owner = new OwnerReference("batch/v1", "CronJob", app.Name, uid);
        var lastRun = DateTimeOffset.FromUnixTimeSeconds(context.Now.ToUnixTimeSeconds() / (long)interval.TotalSeconds * (long)interval.TotalSeconds);
        var firstKeptRun = lastRun - (interval * (RunsKept - 1));
        if (created > firstKeptRun)
        {
            // The runs it keeps happened after it was created.
            created = firstKeptRun - entropy.Between(TimeSpan.FromHours(1), TimeSpan.FromDays(30));
        }
        var latestFailed = entropy.Chance(0.08);
        DateTimeOffset? lastSuccess = null;
        for (var run = RunsKept - 1; run >= 0; run--)
        {
            var scheduled = lastRun - (interval * run);
            var succeeded = run > 0 || !latestFailed;
            var jobName = $"{app.Name}-{scheduled.ToUnixTimeSeconds() / 60}";
            var finished = RunJob(app.Namespace, jobName, template, owner, scheduled, succeeded, BatchWriters.CronJobBackoffLimit, app.ObjectLabels);
            if (succeeded)
            {
                lastSuccess = finished;
            }
        }

        var fields = new FieldSet();
        WorkloadFieldSets.AddMetadata(fields, app.ObjectLabels, new Dictionary<string, string>());
        fields.F("spec").Leaves("concurrencyPolicy", "failedJobsHistoryLimit", "schedule", "successfulJobsHistoryLimit", "suspend").F("jobTemplate");
        var meta = context.Meta(app.Name, app.Namespace, created, app.ObjectLabels,
            managedFields:
            [
                ManagedFieldsEntry.Update("kubectl-client-side-apply", "batch/v1", created, fields),
                ManagedFieldsEntry.Update("kube-controller-manager", "batch/v1", lastRun, WorkloadFieldSets.Status("lastScheduleTime", "lastSuccessfulTime"), "status"),
            ],
            generation: 1,
            uid: uid);
        var model = new CronJobModel(meta, schedule, template, lastRun, lastSuccess);
        context.Sink.Add(CronJobs, (writer, rv) => BatchWriters.WriteCronJob(writer, model, rv));
    }

    /// <summary>A one-off Job (a migration, a backfill) that ran to completion.</summary>
    public void Job(AppProfile app, DateTimeOffset created, PodTemplate template) =>
        RunJob(app.Namespace, $"{app.Name}-{context.Entropy.NameSuffix(5)}", template, null, created, succeeded: true, backoffLimit: 6, app.ObjectLabels);

    private DateTimeOffset RunJob(
        string ns, string name, PodTemplate template, OwnerReference? cronJob, DateTimeOffset created, bool succeeded, int backoffLimit,
        IReadOnlyDictionary<string, string> objectLabels)
    {
        var entropy = context.Entropy;
        var uid = entropy.Uid();
        var controllerLabels = BatchWriters.PodLabels(name, uid);
        var podLabels = new Dictionary<string, string>(template.Labels);
        foreach (var (key, value) in controllerLabels)
        {
            podLabels[key] = value;
        }

        var jobTemplate = template with { Labels = podLabels };
        var createdBy = ManagedFieldsEntry.Update("kube-controller-manager", "v1", created,
            WorkloadFieldSets.CreatedPod(jobTemplate, podLabels, uid, generatedName: true));
        var (pod, _) = pods.Create(new PodRequest
        {
            Namespace = ns,
            Name = $"{name}-{entropy.NameSuffix(5)}",
            GenerateName = name + "-",
            Labels = podLabels,
            Template = jobTemplate,
            Owner = new OwnerReference("batch/v1", "Job", name, uid),
            CreatedBy = createdBy,
            State = succeeded ? PodState.Succeeded : PodState.Failed,
            Created = created.AddSeconds(1),
        });
        var started = pod.StartTime ?? created;
        var finished = (pod.FinishedAt ?? started).AddSeconds(1);
        var jobLabels = new Dictionary<string, string>(objectLabels);
        foreach (var (key, value) in controllerLabels)
        {
            jobLabels[key] = value;
        }

        var fields = new FieldSet();
        WorkloadFieldSets.AddMetadata(fields, jobLabels, new Dictionary<string, string>(), cronJob?.Uid);
        WorkloadFieldSets.AddSpec(fields, jobTemplate, "backoffLimit", "completionMode", "completions", "parallelism", "podReplacementPolicy", "suspend");
        var meta = new ObjectMeta
        {
            Name = name,
            Namespace = ns,
            Uid = uid,
            Generation = 1,
            Created = created,
            Labels = jobLabels,
            Annotations = new Dictionary<string, string> { ["batch.kubernetes.io/job-tracking"] = "" },
            Owners = cronJob is null ? [] : [cronJob],
            ManagedFields =
            [
                ManagedFieldsEntry.Update(cronJob is null ? "kubectl-client-side-apply" : "kube-controller-manager", "batch/v1", created, fields),
                ManagedFieldsEntry.Update("kube-controller-manager", "batch/v1", finished,
                    WorkloadFieldSets.Status(succeeded ? ["completionTime", "conditions", "ready", "startTime", "succeeded", "terminating", "uncountedTerminatedPods"] : ["conditions", "failed", "ready", "startTime", "terminating", "uncountedTerminatedPods"]), "status"),
            ],
        };
        var model = new JobModel(meta, jobTemplate, succeeded, backoffLimit, started, finished);
        context.Sink.Add(Jobs, (writer, rv) => BatchWriters.WriteJob(writer, model, rv));
        return finished;
    }
}
