namespace KubeFleet.StandIn.Data.Generation.Pods;

/// <summary>One pod: where it runs, what state its main container is in, and its history.</summary>
internal sealed record PodModel
{
    public required ObjectMeta Meta { get; init; }

    public required PodSpecModel Spec { get; init; }

    public required PodPlacement Placement { get; init; }

    public required PodState State { get; init; }

    public string? HostIp { get; init; }

    public string? PodIp { get; init; }

    /// <summary>When the kubelet started the pod; null until it is scheduled and admitted.</summary>
    public DateTimeOffset? StartTime { get; init; }

    /// <summary>Restarts of the first container; the others never restarted.</summary>
    public int Restarts { get; init; }

    /// <summary>When the first container last terminated (the start of its current run), if it restarted.</summary>
    public DateTimeOffset? LastTermination { get; init; }

    /// <summary>When the pod's containers finished, for pods that ran to completion or failed.</summary>
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>One runtime container ID (64 hex digits) per container.</summary>
    public required IReadOnlyList<string> ContainerIds { get; init; }

    /// <summary>The scheduler's message for an unschedulable pod.</summary>
    public string? SchedulingMessage { get; init; }
}

/// <summary>The states pods are seen in; each maps to the phase, conditions and container states the kubelet reports.</summary>
internal enum PodState
{
    Running,

    /// <summary>Running, but the readiness probe fails.</summary>
    NotReady,

    /// <summary>Running phase; the container keeps exiting and waits in back-off.</summary>
    CrashLoopBackOff,

    /// <summary>Pending: no node fits.</summary>
    Unschedulable,

    /// <summary>Pending: scheduled, but the image cannot be pulled.</summary>
    ImagePullBackOff,

    /// <summary>Pending: scheduled, sandbox and volumes still being set up.</summary>
    ContainerCreating,

    Succeeded,

    /// <summary>Ran and exited non-zero with restartPolicy Never.</summary>
    Failed,

    /// <summary>Failed: the kubelet evicted it under node pressure.</summary>
    Evicted,
}
