using KubeFleet.Engine.Errors;
using KubeFleet.Engine.Search;

namespace KubeFleet.Engine.Tests.Search.Fleet;

/// <summary>Everything one search reported, sorted by kind of event, in arrival order.</summary>
internal sealed class SearchOutcome(IReadOnlyList<SearchEvent> events)
{
    public IReadOnlyList<SearchEvent> Events => events;

    public IReadOnlyList<ClusterResource> Results => events.OfType<ResourceFound>().Select(found => found.Resource).ToList();

    public IReadOnlyList<KubeFleetException> Failures => events.OfType<SearchFailed>().Select(failed => failed.Error).ToList();

    public IReadOnlyList<SearchNote> Notes => events.OfType<SearchNote>().ToList();

    public IReadOnlyList<ClusterSearched> Completed => events.OfType<ClusterSearched>().ToList();

    /// <summary>What was found, as (cluster, namespace, name); duplicates would show in <see cref="Results"/>' count.</summary>
    public HashSet<ObjectKey> Keys => Results.Select(ObjectKey.Of).ToHashSet();
}

/// <summary>Where one object lives in a fleet.</summary>
internal readonly record struct ObjectKey(string Cluster, string Kind, string? Namespace, string Name)
{
    public static ObjectKey Of(ClusterResource resource) => new(resource.Cluster, resource.Kind, resource.Namespace, resource.Name);

    public override string ToString() => $"{Cluster}/{Kind}/{Namespace}/{Name}";
}
