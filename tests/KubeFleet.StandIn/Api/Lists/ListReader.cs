using System.Globalization;
using System.Text.Json;
using KubeFleet.Engine.Selectors;
using KubeFleet.StandIn.Api.Errors;
using KubeFleet.StandIn.Data;
using KubeFleet.StandIn.Data.Catalog;
using KubeFleet.StandIn.Data.Storage;

namespace KubeFleet.StandIn.Api.Lists;

/// <summary>
/// Reads a list the way etcd3 storage does (<c>store.GetList</c>): a key-range read at one revision, filtered by
/// the selectors, cut after <c>limit</c> matches, with a continue token while keys remain and the count of the
/// remaining keys when nothing was filtered.
/// </summary>
internal static class ListReader
{
    private const string ExpiredList = "The resourceVersion for the provided list is too old.";
    private const string ExpiredContinue =
        "The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, "
        + "or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an "
        + "inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.";

    /// <summary>Reads a page; <paramref name="ns"/> is null to list across all namespaces (or a cluster-scoped resource).</summary>
    public static ListPage Read(ClusterData cluster, ResourceType type, string? ns, ListOptions options)
    {
        var revisions = cluster.Revisions;
        var (revision, startKey, limit) = Position(revisions, options);
        var store = cluster.Store(type);
        var segment = (ns is null ? store.All : store.InNamespace(ns)).Span;
        var fields = options.Fields.IsEmpty ? null : SelectableFields.For(type.Group, type.Kind, type.Namespaced);

        var items = new List<StoredObject>();
        var index = startKey is null ? 0 : LowerBound(segment, startKey, ns is not null);
        var last = -1;
        for (; index < segment.Length; index++)
        {
            var candidate = segment[index];
            if (!options.Labels.Matches(candidate.Labels) || (fields is not null && !MatchesFields(fields, options.Fields, candidate)))
            {
                continue;
            }

            items.Add(candidate);
            last = index;
            if (limit > 0 && items.Count == limit)
            {
                break;
            }
        }

        var more = limit > 0 && items.Count == limit && last < segment.Length - 1;
        if (!more)
        {
            return new ListPage(items, revision, null, null);
        }

        var lastKey = RelativeKey(segment[last], ns is not null);
        var remaining = options.HasSelectors ? (long?)null : segment.Length - 1 - last;
        return new ListPage(items, revision, ContinueToken.After(revision, lastKey), remaining);
    }

    /// <summary>The revision to read at, where to start, and the effective limit, per the resourceVersion rules.</summary>
    private static (long Revision, string? StartKey, long Limit) Position(Revisions revisions, ListOptions options)
    {
        if (options.Continue.Length > 0)
        {
            if (!ContinueToken.TryDecode(options.Continue, out var tokenRevision, out var start, out var error))
            {
                throw new ApiStatusException(ApiStatus.BadRequest("invalid continue token: " + error));
            }

            if (options.ResourceVersion.Length > 0 && options.ResourceVersion != "0")
            {
                throw new ApiStatusException(ApiStatus.BadRequest("specifying resource version is not allowed when using continue"));
            }

            if (tokenRevision > 0 && tokenRevision < revisions.Compacted)
            {
                throw new ApiStatusException(ApiStatus.Expired(ExpiredContinue, ContinueToken.Encode(-1, start)));
            }

            if (tokenRevision > revisions.Current)
            {
                throw new ApiStatusException(ApiStatus.TooLargeResourceVersion(tokenRevision, revisions.Current));
            }

            return (tokenRevision > 0 ? tokenRevision : revisions.Current, start, options.Limit);
        }

        if (options.ResourceVersion.Length == 0)
        {
            return (revisions.Current, null, options.Limit);
        }

        if (options.ResourceVersion == "0")
        {
            // "Any" revision is served from the watch cache, which ignores the limit.
            return (revisions.Current, null, 0);
        }

        if (!long.TryParse(options.ResourceVersion, NumberStyles.None, CultureInfo.InvariantCulture, out var requested))
        {
            throw new ApiStatusException(ApiStatus.BadRequest(
                $"invalid resource version: resourceVersion: Invalid value: \"{options.ResourceVersion}\": strconv.ParseUint: parsing \"{options.ResourceVersion}\": invalid syntax"));
        }

        if (requested > revisions.Current)
        {
            throw new ApiStatusException(ApiStatus.TooLargeResourceVersion(requested, revisions.Current));
        }

        var exact = options.ResourceVersionMatch == "Exact" || (options.ResourceVersionMatch.Length == 0 && options.Limit > 0);
        if (!exact)
        {
            return (revisions.Current, null, options.Limit);
        }

        if (requested < revisions.Compacted)
        {
            throw new ApiStatusException(ApiStatus.Expired(ExpiredList));
        }

        return (requested, null, options.Limit);
    }

    private static bool MatchesFields(SelectableFields fields, FieldSelector selector, StoredObject candidate)
    {
        using var document = JsonDocument.Parse(candidate.Item);
        return fields.Matches(selector, document.RootElement);
    }

    /// <summary>The key below the list's prefix: <c>name</c> within a namespace, <c>namespace/name</c> across them.</summary>
    private static string RelativeKey(StoredObject item, bool withinNamespace) => withinNamespace ? item.Name : item.Key;

    /// <summary>The first position whose key is at or after <paramref name="startKey"/> (byte-wise, like etcd).</summary>
    private static int LowerBound(ReadOnlySpan<StoredObject> segment, string startKey, bool withinNamespace)
    {
        var low = 0;
        var high = segment.Length;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (string.CompareOrdinal(RelativeKey(segment[middle], withinNamespace), startKey) < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
