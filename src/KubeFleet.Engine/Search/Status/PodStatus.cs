using System.Globalization;
using System.Text.Json;

namespace KubeFleet.Engine.Search.Status;

/// <summary>
/// A pod's status as <c>kubectl get pods</c> shows it (kubectl's <c>printPod</c>): the phase, or
/// what holds the pod up (<c>CrashLoopBackOff</c>, <c>ImagePullBackOff</c>, <c>Init:1/2</c>,
/// <c>Terminating</c>, …), ready containers and restarts.
/// </summary>
internal static class PodStatus
{
    public static string Summarize(JsonElement pod)
    {
        var phase = StatusJson.Text(pod, "status", "phase");
        var podReason = StatusJson.Text(pod, "status", "reason");
        var reason = podReason.Length > 0 ? podReason : phase;
        if (StatusJson.Items(pod, "status", "conditions").Any(condition =>
                StatusJson.Text(condition, "type") == "PodScheduled" && StatusJson.Text(condition, "reason") == "SchedulingGated"))
        {
            reason = "SchedulingGated";
        }

        var restartableInitContainers = StatusJson.Items(pod, "spec", "initContainers")
            .Where(container => StatusJson.Text(container, "restartPolicy") == "Always")
            .Select(container => StatusJson.Text(container, "name"))
            .ToHashSet(StringComparer.Ordinal);
        var initContainerCount = StatusJson.Items(pod, "spec", "initContainers").Count();
        var totalContainers = StatusJson.Items(pod, "spec", "containers").Count() + restartableInitContainers.Count;
        var readyContainers = 0;
        var restartableRestarts = 0L;

        var restarts = 0L;
        var initializing = false;
        var initStatuses = StatusJson.Items(pod, "status", "initContainerStatuses").ToList();
        for (var index = 0; index < initStatuses.Count; index++)
        {
            var container = initStatuses[index];
            var restartCount = StatusJson.Integer(container, "restartCount");
            restarts += restartCount;
            var restartable = restartableInitContainers.Contains(StatusJson.Text(container, "name"));
            if (restartable)
            {
                restartableRestarts += restartCount;
            }

            var terminated = StatusJson.Find(container, "state", "terminated");
            if (terminated.ValueKind == JsonValueKind.Object && StatusJson.Integer(terminated, "exitCode") == 0)
            {
                continue;
            }

            if (restartable && StatusJson.Flag(container, "started"))
            {
                readyContainers += StatusJson.Flag(container, "ready") ? 1 : 0;
                continue;
            }

            initializing = true;
            var waitingReason = StatusJson.Text(container, "state", "waiting", "reason");
            if (terminated.ValueKind == JsonValueKind.Object)
            {
                reason = "Init:" + TerminationReason(terminated);
            }
            else if (waitingReason.Length > 0 && waitingReason != "PodInitializing")
            {
                reason = "Init:" + waitingReason;
            }
            else
            {
                reason = string.Create(CultureInfo.InvariantCulture, $"Init:{index}/{initContainerCount}");
            }

            break;
        }

        if (!initializing || StatusJson.HasTrueCondition(pod, "Initialized"))
        {
            restarts = restartableRestarts;
            var hasRunning = false;
            foreach (var container in StatusJson.Items(pod, "status", "containerStatuses").Reverse())
            {
                restarts += StatusJson.Integer(container, "restartCount");
                var waitingReason = StatusJson.Text(container, "state", "waiting", "reason");
                var terminated = StatusJson.Find(container, "state", "terminated");
                if (waitingReason.Length > 0)
                {
                    reason = waitingReason;
                }
                else if (terminated.ValueKind == JsonValueKind.Object)
                {
                    reason = TerminationReason(terminated);
                }
                else if (StatusJson.Flag(container, "ready") && StatusJson.Exists(container, "state", "running"))
                {
                    hasRunning = true;
                    readyContainers++;
                }
            }

            if (reason == "Completed" && hasRunning)
            {
                reason = StatusJson.HasTrueCondition(pod, "Ready") ? "Running" : "NotReady";
            }
        }

        if (StatusJson.Exists(pod, "metadata", "deletionTimestamp"))
        {
            if (podReason == "NodeLost")
            {
                reason = "Unknown";
            }
            else if (phase is not ("Succeeded" or "Failed"))
            {
                reason = "Terminating";
            }
        }

        var restartText = restarts == 1 ? "1 restart" : string.Create(CultureInfo.InvariantCulture, $"{restarts} restarts");
        return string.Create(CultureInfo.InvariantCulture, $"{reason}, {readyContainers}/{totalContainers} ready, {restartText}");
    }

    /// <summary>The reason a container terminated, or its signal or exit code when it gave none.</summary>
    private static string TerminationReason(JsonElement terminated)
    {
        var reason = StatusJson.Text(terminated, "reason");
        if (reason.Length > 0)
        {
            return reason;
        }

        var signal = StatusJson.Integer(terminated, "signal");
        return signal != 0
            ? string.Create(CultureInfo.InvariantCulture, $"Signal:{signal}")
            : string.Create(CultureInfo.InvariantCulture, $"ExitCode:{StatusJson.Integer(terminated, "exitCode")}");
    }
}
