using KubeFleet.Engine.Search;

namespace KubeFleet;

/// <summary>One owner of a <see cref="KubeResource"/>, from its <c>metadata.ownerReferences</c>.</summary>
public sealed class KubeResourceOwnerReference
{
    private KubeResourceOwnerReference(OwnerReference owner)
    {
        ApiVersion = owner.ApiVersion;
        Kind = owner.Kind;
        Name = owner.Name;
        Uid = owner.Uid;
        Controller = owner.Controller;
        BlockOwnerDeletion = owner.BlockOwnerDeletion;
    }

    public string ApiVersion { get; }

    public string Kind { get; }

    /// <summary>The owner's name; it lives in the same namespace as the object it owns (or is cluster-scoped).</summary>
    public string Name { get; }

    public string Uid { get; }

    /// <summary>Whether the owner is the controller that manages the object (at most one owner is).</summary>
    public bool Controller { get; }

    /// <summary>Whether deleting the owner in the foreground waits for this object to be deleted first.</summary>
    public bool BlockOwnerDeletion { get; }

    /// <summary><c>Kind/name</c>, as kubectl names objects.</summary>
    public override string ToString() => $"{Kind}/{Name}";

    internal static KubeResourceOwnerReference From(OwnerReference owner) => new(owner);
}
