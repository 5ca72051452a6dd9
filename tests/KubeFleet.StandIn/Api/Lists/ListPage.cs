using KubeFleet.StandIn.Data.Storage;

namespace KubeFleet.StandIn.Api.Lists;

/// <summary>One page of a list: its items in etcd order, the revision it was read at, and how to go on.</summary>
internal sealed record ListPage(IReadOnlyList<StoredObject> Items, long ResourceVersion, string? Continue, long? RemainingItemCount);
