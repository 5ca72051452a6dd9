namespace KubeFleet.StandIn.Data.Generation.Pods;

/// <summary>What a controller asks for when it creates one pod.</summary>
internal sealed record PodRequest
{
    public required string Namespace { get; init; }

    public required string Name { get; init; }

    /// <summary>Set when the controller let the server complete the name (ReplicaSets, DaemonSets, Jobs).</summary>
    public string? GenerateName { get; init; }

    public required IReadOnlyDictionary<string, string> Labels { get; init; }

    public required PodTemplate Template { get; init; }

    /// <summary>The owning controller; null for static pods, which the kubelet mirrors with the node as owner.</summary>
    public required OwnerReference Owner { get; init; }

    /// <summary>The creating manager's managedFields entry, shared by the controller's pods (its time is the pod's creation).</summary>
    public required ManagedFieldsEntry CreatedBy { get; init; }

    public required PodState State { get; init; }

    public required DateTimeOffset Created { get; init; }

    /// <summary>A fixed node (DaemonSet and static pods); null lets the scheduler choose.</summary>
    public NodeSlot? Node { get; init; }
}
