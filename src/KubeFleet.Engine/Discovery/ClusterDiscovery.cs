using System.Collections.Concurrent;
using System.Text.Json;
using KubeFleet.Engine.Connections;
using KubeFleet.Engine.Errors;

namespace KubeFleet.Engine.Discovery;

/// <summary>
/// Reads what one cluster serves. <c>/api</c> and <c>/apis</c> are asked for aggregated discovery
/// (v2, then v2beta1) as client-go asks; a server that answers with the legacy documents is then
/// asked for each group version's resource list, as client-go does.
/// </summary>
internal static class ClusterDiscovery
{
    private const int ConcurrentResourceListRequests = 8;

    public static Task<ResourceCatalog> FetchAsync(ClusterConnection connection, CancellationToken cancellationToken) =>
        FetchAsync(connection, AggregatedDiscovery.Accept, cancellationToken);

    /// <summary>Reads discovery asking for the given media types, as an older client would ask.</summary>
    internal static async Task<ResourceCatalog> FetchAsync(ClusterConnection connection, string accept, CancellationToken cancellationToken)
    {
        var unavailable = new ConcurrentQueue<string>();
        var core = ReadGroupsAsync(connection, "/api", accept, unavailable, cancellationToken);
        var named = ReadGroupsAsync(connection, "/apis", accept, unavailable, cancellationToken);
        var groups = (await core.ConfigureAwait(false)).Concat(await named.ConfigureAwait(false)).ToList();

        var resources = groups.SelectMany(group => group.Versions).SelectMany(version => version.Resources).ToList();
        var preferredVersions = groups
            .Where(group => group.PreferredVersion is not null)
            .GroupBy(group => group.Name, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.First().PreferredVersion!, StringComparer.Ordinal);
        return new ResourceCatalog(resources, preferredVersions, unavailable.ToList(), DateTimeOffset.UtcNow);
    }

    private static async Task<IReadOnlyList<DiscoveredGroup>> ReadGroupsAsync(
        ClusterConnection connection,
        string path,
        string accept,
        ConcurrentQueue<string> unavailable,
        CancellationToken cancellationToken)
    {
        var response = await connection.SendAsync(new ClusterRequest(HttpMethod.Get, path) { Accept = accept }, cancellationToken).ConfigureAwait(false);
        var aggregated = AggregatedDiscovery.Describes(response.ContentType);
        using var document = await response.ReadJsonAsync(cancellationToken).ConfigureAwait(false);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new KubeFleetException(
                ConnectionErrorIds.ResponseInvalid,
                ErrorKind.InvalidData,
                $"Cluster '{connection.ClusterName}' answered GET {path} with something other than a discovery document. Check that the address is a Kubernetes API server.",
                connection.ClusterName);
        }

        if (aggregated)
        {
            var stale = new List<string>();
            var groups = AggregatedDiscovery.Parse(root, stale);
            stale.ForEach(unavailable.Enqueue);
            return groups;
        }

        var outlines = path == "/api" ? [LegacyDiscovery.CoreGroup(root)] : LegacyDiscovery.Groups(root);
        return await ReadResourceListsAsync(connection, outlines, unavailable, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Fetches every group version's resource list, several at once. A group version that fails
    /// (an aggregated API server that is down, typically) is reported and left out, as client-go
    /// leaves it out; the rest of the cluster stays searchable.
    /// </summary>
    private static async Task<IReadOnlyList<DiscoveredGroup>> ReadResourceListsAsync(
        ClusterConnection connection,
        List<DiscoveredGroupOutline> outlines,
        ConcurrentQueue<string> unavailable,
        CancellationToken cancellationToken)
    {
        var groupVersions = outlines.SelectMany(group => group.Versions.Select(version => (Group: group.Name, Version: version))).ToList();
        var fetched = new ConcurrentDictionary<(string Group, string Version), List<ApiResource>>();
        var options = new ParallelOptions { MaxDegreeOfParallelism = ConcurrentResourceListRequests, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(groupVersions, options, async (groupVersion, token) =>
        {
            try
            {
                using var list = await connection.GetJsonAsync(LegacyDiscovery.ResourceListPath(groupVersion.Group, groupVersion.Version), token).ConfigureAwait(false);
                fetched[groupVersion] = LegacyDiscovery.Resources(groupVersion.Group, groupVersion.Version, list.RootElement);
            }
            catch (KubeFleetException failure)
            {
                unavailable.Enqueue($"{AggregatedDiscovery.GroupVersion(groupVersion.Group, groupVersion.Version)} ({failure.Message})");
            }
        }).ConfigureAwait(false);

        return outlines
            .Select(group => new DiscoveredGroup(
                group.Name,
                group.PreferredVersion is { } preferred && fetched.ContainsKey((group.Name, preferred)) ? preferred : group.Versions.FirstOrDefault(version => fetched.ContainsKey((group.Name, version))),
                group.Versions.Where(version => fetched.ContainsKey((group.Name, version))).Select(version => new DiscoveredVersion(version, fetched[(group.Name, version)])).ToList()))
            .ToList();
    }
}
