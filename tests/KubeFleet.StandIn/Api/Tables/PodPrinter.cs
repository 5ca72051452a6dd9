using System.Text.Json;

namespace KubeFleet.StandIn.Api.Tables;

/// <summary>The pod table, computed as <c>printPod</c> computes it: readiness, the status reason, restarts and their age.</summary>
internal static class PodPrinter
{
    public static readonly TablePrinter Printer = new(
        [
            Columns.Name,
            Columns.Text("Ready", "The aggregate readiness state of this pod for accepting traffic."),
            Columns.Text("Status", "The aggregate status of the containers in this pod."),
            Columns.Text("Restarts", "The number of times the containers in this pod have been restarted and when the last container in this pod has restarted."),
            Columns.Age,
            Columns.Text("IP", "podIP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated.", 1),
            Columns.Text("Node", "NodeName indicates in which node this pod is scheduled.", 1),
            Columns.Text("Nominated Node", "nominatedNodeName is set only when this pod preempts other pods on the node.", 1),
            Columns.Text("Readiness Gates", "If specified, all readiness gates will be evaluated for pod readiness.", 1),
        ],
        Cells,
        Condition);

    private static object?[] Cells(JsonElement pod, DateTimeOffset now)
    {
        var status = ObjectJson.Find(pod, "status") ?? default;
        var phase = ObjectJson.Text(pod, "status", "phase");
        var reason = ObjectJson.Text(pod, "status", "reason") is { Length: > 0 } podReason ? podReason : phase;
        if (ObjectJson.Items(pod, "status", "conditions").Any(c => ObjectJson.Text(c, "type") == "PodScheduled" && ObjectJson.Text(c, "reason") == "SchedulingGated"))
        {
            reason = "SchedulingGated";
        }

        var initContainers = ObjectJson.Items(pod, "spec", "initContainers").ToArray();
        var restartableInit = initContainers.Where(c => ObjectJson.Text(c, "restartPolicy") == "Always").Select(c => ObjectJson.Text(c, "name")).ToHashSet();
        var total = ObjectJson.Items(pod, "spec", "containers").Count() + restartableInit.Count;
        var ready = 0;
        var restarts = 0L;
        var restartableRestarts = 0L;
        DateTimeOffset? lastRestart = null;
        DateTimeOffset? lastRestartableRestart = null;

        var initializing = false;
        var initStatuses = ObjectJson.Items(pod, "status", "initContainerStatuses").ToArray();
        for (var i = 0; i < initStatuses.Length; i++)
        {
            var container = initStatuses[i];
            var restartable = restartableInit.Contains(ObjectJson.Text(container, "name"));
            restarts += ObjectJson.Integer(container, "restartCount");
            var finished = ObjectJson.Time(container, "lastState", "terminated", "finishedAt");
            lastRestart = Latest(lastRestart, finished);
            if (restartable)
            {
                restartableRestarts += ObjectJson.Integer(container, "restartCount");
                lastRestartableRestart = Latest(lastRestartableRestart, finished);
            }

            var terminated = ObjectJson.Find(container, "state", "terminated");
            var waitingReason = ObjectJson.Text(container, "state", "waiting", "reason");
            if (terminated is { } done && ObjectJson.Integer(done, "exitCode") == 0)
            {
                continue;
            }

            if (restartable && ObjectJson.Flag(container, "started"))
            {
                ready += ObjectJson.Flag(container, "ready") ? 1 : 0;
                continue;
            }

            if (terminated is { } failed)
            {
                var terminatedReason = ObjectJson.Text(failed, "reason");
                var signal = ObjectJson.Integer(failed, "signal");
                reason = terminatedReason.Length > 0 ? "Init:" + terminatedReason
                    : signal != 0 ? $"Init:Signal:{signal}" : $"Init:ExitCode:{ObjectJson.Integer(failed, "exitCode")}";
            }
            else if (waitingReason.Length > 0 && waitingReason != "PodInitializing")
            {
                reason = "Init:" + waitingReason;
            }
            else
            {
                reason = $"Init:{i}/{initContainers.Length}";
            }

            initializing = true;
            break;
        }

        var initialized = ObjectJson.Items(pod, "status", "conditions").Any(c => ObjectJson.Text(c, "type") == "Initialized" && ObjectJson.Text(c, "status") == "True");
        if (!initializing || initialized)
        {
            restarts = restartableRestarts;
            lastRestart = lastRestartableRestart;
            var hasRunning = false;
            var statuses = ObjectJson.Items(pod, "status", "containerStatuses").ToArray();
            for (var i = statuses.Length - 1; i >= 0; i--)
            {
                var container = statuses[i];
                restarts += ObjectJson.Integer(container, "restartCount");
                lastRestart = Latest(lastRestart, ObjectJson.Time(container, "lastState", "terminated", "finishedAt"));
                var waitingReason = ObjectJson.Text(container, "state", "waiting", "reason");
                var terminated = ObjectJson.Find(container, "state", "terminated");
                if (waitingReason.Length > 0)
                {
                    reason = waitingReason;
                }
                else if (terminated is { } done)
                {
                    var terminatedReason = ObjectJson.Text(done, "reason");
                    var signal = ObjectJson.Integer(done, "signal");
                    reason = terminatedReason.Length > 0 ? terminatedReason
                        : signal != 0 ? $"Signal:{signal}" : $"ExitCode:{ObjectJson.Integer(done, "exitCode")}";
                }
                else if (ObjectJson.Flag(container, "ready") && ObjectJson.Find(container, "state", "running") is not null)
                {
                    hasRunning = true;
                    ready++;
                }
            }

            if (reason == "Completed" && hasRunning)
            {
                var podReady = ObjectJson.Items(pod, "status", "conditions").Any(c => ObjectJson.Text(c, "type") == "Ready" && ObjectJson.Text(c, "status") == "True");
                reason = podReady ? "Running" : "NotReady";
            }
        }

        var deleting = ObjectJson.Find(pod, "metadata", "deletionTimestamp") is not null;
        if (deleting && ObjectJson.Text(pod, "status", "reason") == "NodeLost")
        {
            reason = "Unknown";
        }
        else if (deleting && phase is not ("Succeeded" or "Failed"))
        {
            reason = "Terminating";
        }

        var restartsText = restarts != 0 && lastRestart is { } last ? $"{restarts} ({PrintFormat.Since(last, now)} ago)" : restarts.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var podIp = ObjectJson.Items(pod, "status", "podIPs").Select(ip => ObjectJson.Text(ip, "ip")).FirstOrDefault() is { Length: > 0 } ip ? ip : "<none>";
        var node = ObjectJson.Text(pod, "spec", "nodeName") is { Length: > 0 } nodeName ? nodeName : "<none>";
        var nominated = ObjectJson.Text(status, "nominatedNodeName") is { Length: > 0 } nominee ? nominee : "<none>";
        return [ObjectJson.Text(pod, "metadata", "name"), $"{ready}/{total}", reason, restartsText, PrintFormat.Age(pod, now), podIp, node, nominated, ReadinessGates(pod)];
    }

    private static string ReadinessGates(JsonElement pod)
    {
        var gates = ObjectJson.Items(pod, "spec", "readinessGates").Select(g => ObjectJson.Text(g, "conditionType")).ToArray();
        if (gates.Length == 0)
        {
            return "<none>";
        }

        var conditions = ObjectJson.Items(pod, "status", "conditions").ToArray();
        var met = gates.Count(gate => conditions.FirstOrDefault(c => ObjectJson.Text(c, "type") == gate) is { ValueKind: JsonValueKind.Object } condition && ObjectJson.Text(condition, "status") == "True");
        return $"{met}/{gates.Length}";
    }

    /// <summary>Finished pods carry a Completed condition on their row (kubectl used to hide such rows).</summary>
    private static RowCondition? Condition(JsonElement pod) => ObjectJson.Text(pod, "status", "phase") switch
    {
        "Succeeded" => new RowCondition("Completed", "True", "Succeeded", "The pod has completed successfully."),
        "Failed" => new RowCondition("Completed", "True", "Failed", "The pod failed."),
        _ => null,
    };

    private static DateTimeOffset? Latest(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;
}
