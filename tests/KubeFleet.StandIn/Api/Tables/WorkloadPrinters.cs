using System.Text.Json;

namespace KubeFleet.StandIn.Api.Tables;

/// <summary>Tables of the apps and batch kinds, as <c>printers.go</c> prints them.</summary>
internal static class WorkloadPrinters
{
    public static readonly TablePrinter Deployment = new(
        [
            Columns.Name,
            Columns.Text("Ready", "Number of the pod with ready state"),
            Columns.Text("Up-to-date", "Total number of non-terminated pods targeted by this deployment that have the desired template spec."),
            Columns.Text("Available", "Total number of available pods (ready for at least minReadySeconds) targeted by this deployment."),
            Columns.Age,
            Columns.Containers,
            Columns.Images,
            Columns.Text("Selector", "Label selector for pods. Existing ReplicaSets whose pods are selected by this will be the ones affected by this deployment.", 1),
        ],
        (item, now) =>
        {
            var (names, images) = PrintFormat.Containers(Template(item));
            return
            [
                Name(item),
                $"{ObjectJson.Integer(item, "status", "readyReplicas")}/{ObjectJson.Integer(item, "spec", "replicas")}",
                ObjectJson.Integer(item, "status", "updatedReplicas"),
                ObjectJson.Integer(item, "status", "availableReplicas"),
                PrintFormat.Age(item, now),
                names,
                images,
                PrintFormat.Selector(item, "spec", "selector"),
            ];
        });

    public static readonly TablePrinter ReplicaSet = new(
        [
            Columns.Name,
            Columns.Integer("Desired", "Replicas is the number of desired pods."),
            Columns.Integer("Current", "Replicas is the most recently observed number of non-terminating pods."),
            Columns.Integer("Ready", "The number of non-terminating pods targeted by this ReplicaSet with a Ready Condition."),
            Columns.Age,
            Columns.Containers,
            Columns.Images,
            Columns.Text("Selector", "Selector is a label query over pods that should match the replica count.", 1),
        ],
        (item, now) =>
        {
            var (names, images) = PrintFormat.Containers(Template(item));
            return
            [
                Name(item),
                ObjectJson.Integer(item, "spec", "replicas"),
                ObjectJson.Integer(item, "status", "replicas"),
                ObjectJson.Integer(item, "status", "readyReplicas"),
                PrintFormat.Age(item, now),
                names,
                images,
                PrintFormat.Selector(item, "spec", "selector"),
            ];
        });

    public static readonly TablePrinter StatefulSet = new(
        [
            Columns.Name,
            Columns.Text("Ready", "Number of the pod with ready state"),
            Columns.Age,
            Columns.Containers,
            Columns.Images,
        ],
        (item, now) =>
        {
            var (names, images) = PrintFormat.Containers(Template(item));
            return [Name(item), $"{ObjectJson.Integer(item, "status", "readyReplicas")}/{ObjectJson.Integer(item, "spec", "replicas")}", PrintFormat.Age(item, now), names, images];
        });

    public static readonly TablePrinter DaemonSet = new(
        [
            Columns.Name,
            Columns.Integer("Desired", "The total number of nodes that should be running the daemon pod."),
            Columns.Integer("Current", "The number of nodes that are running at least 1 daemon pod and are supposed to run the daemon pod."),
            Columns.Integer("Ready", "The number of nodes that should be running the daemon pod and have one or more of the daemon pod running and ready."),
            Columns.Integer("Up-to-date", "The total number of nodes that are running updated daemon pod"),
            Columns.Integer("Available", "The number of nodes that should be running the daemon pod and have one or more of the daemon pod running and available."),
            Columns.Text("Node Selector", "NodeSelector is a selector which must be true for the pod to fit on a node."),
            Columns.Age,
            Columns.Containers,
            Columns.Images,
            Columns.Text("Selector", "A label query over pods that are managed by the daemon set.", 1),
        ],
        (item, now) =>
        {
            var template = Template(item);
            var (names, images) = PrintFormat.Containers(template);
            return
            [
                Name(item),
                ObjectJson.Integer(item, "status", "desiredNumberScheduled"),
                ObjectJson.Integer(item, "status", "currentNumberScheduled"),
                ObjectJson.Integer(item, "status", "numberReady"),
                ObjectJson.Integer(item, "status", "updatedNumberScheduled"),
                ObjectJson.Integer(item, "status", "numberAvailable"),
                PrintFormat.Labels(ObjectJson.Map(template, "nodeSelector")),
                PrintFormat.Age(item, now),
                names,
                images,
                PrintFormat.Selector(item, "spec", "selector"),
            ];
        });

    public static readonly TablePrinter Job = new(
        [
            Columns.Name,
            Columns.Text("Status", "Status of the job."),
            Columns.Text("Completions", "The number of pods which reached phase Succeeded."),
            Columns.Text("Duration", "Time required to complete the job."),
            Columns.Age,
            Columns.Containers,
            Columns.Images,
            Columns.Text("Selector", "A label query over pods that should match the pod count.", 1),
        ],
        (item, now) =>
        {
            var (names, images) = PrintFormat.Containers(Template(item));
            var succeeded = ObjectJson.Integer(item, "status", "succeeded");
            var parallelism = ObjectJson.Integer(item, "spec", "parallelism");
            var completions = ObjectJson.Find(item, "spec", "completions") is { } wanted
                ? $"{succeeded}/{wanted.GetInt64()}"
                : parallelism > 1 ? $"{succeeded}/1 of {parallelism}" : $"{succeeded}/1";
            var started = ObjectJson.Time(item, "status", "startTime");
            var completed = ObjectJson.Time(item, "status", "completionTime");
            var duration = started is null ? "" : HumanDuration.Format((completed ?? now) - started.Value);
            return [Name(item), JobStatus(item), completions, duration, PrintFormat.Age(item, now), names, images, PrintFormat.Selector(item, "spec", "selector")];
        });

    public static readonly TablePrinter CronJob = new(
        [
            Columns.Name,
            Columns.Text("Schedule", "The schedule in Cron format, see https://en.wikipedia.org/wiki/Cron."),
            Columns.Text("Timezone", "The time zone name for the given schedule, see https://en.wikipedia.org/wiki/List_of_tz_database_time_zones."),
            new TableColumn("Suspend", "boolean", "This flag tells the controller to suspend subsequent executions, it does not apply to already started executions."),
            Columns.Integer("Active", "A list of pointers to currently running jobs."),
            Columns.Text("Last Schedule", "Information when was the last time the job was successfully scheduled."),
            Columns.Age,
            Columns.Containers,
            Columns.Images,
            Columns.Text("Selector", "A label query over pods that should match the pod count.", 1),
        ],
        (item, now) =>
        {
            var jobSpec = ObjectJson.Find(item, "spec", "jobTemplate", "spec") ?? default;
            var (names, images) = jobSpec.ValueKind == JsonValueKind.Object ? PrintFormat.Containers(Template(jobSpec, nested: true)) : ("", "");
            var lastSchedule = ObjectJson.Time(item, "status", "lastScheduleTime") is { } last ? PrintFormat.Since(last, now) : "<none>";
            var timeZone = ObjectJson.Text(item, "spec", "timeZone") is { Length: > 0 } zone ? zone : "<none>";
            return
            [
                Name(item),
                ObjectJson.Text(item, "spec", "schedule"),
                timeZone,
                PrintFormat.OptionalFlag(item, "spec", "suspend"),
                (long)ObjectJson.Count(item, "status", "active"),
                lastSchedule,
                PrintFormat.Age(item, now),
                names,
                images,
                jobSpec.ValueKind == JsonValueKind.Object ? PrintFormat.Selector(jobSpec, "selector") : "<none>",
            ];
        });

    private static string Name(JsonElement item) => ObjectJson.Text(item, "metadata", "name");

    /// <summary>The pod spec of a workload's template (<c>spec.template.spec</c>, or below a job spec).</summary>
    private static JsonElement Template(JsonElement item, bool nested = false) =>
        (nested ? ObjectJson.Find(item, "template", "spec") : ObjectJson.Find(item, "spec", "template", "spec")) ?? default;

    private static string JobStatus(JsonElement job)
    {
        var conditions = ObjectJson.Items(job, "status", "conditions").ToArray();
        bool Holds(string type) => conditions.FirstOrDefault(c => ObjectJson.Text(c, "type") == type) is { ValueKind: JsonValueKind.Object } c && ObjectJson.Text(c, "status") == "True";
        if (Holds("Complete"))
        {
            return "Complete";
        }

        if (Holds("Failed"))
        {
            return "Failed";
        }

        if (ObjectJson.Find(job, "metadata", "deletionTimestamp") is not null)
        {
            return "Terminating";
        }

        return Holds("Suspended") ? "Suspended" : Holds("FailureTarget") ? "FailureTarget" : "Running";
    }
}
