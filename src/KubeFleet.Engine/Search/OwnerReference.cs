namespace KubeFleet.Engine.Search;

/// <summary>One entry of an object's <c>metadata.ownerReferences</c>: the object that owns it.</summary>
public sealed record OwnerReference(string ApiVersion, string Kind, string Name, string Uid)
{
    /// <summary>Whether the owner is the managing controller (at most one owner is).</summary>
    public bool Controller { get; init; }

    public bool BlockOwnerDeletion { get; init; }

    public override string ToString() => $"{Kind}/{Name}";
}
