using System.Globalization;

namespace KubeFleet.Bench.Runs;

/// <summary>The request path of one page of the pod list across all namespaces, as kubectl and the engine ask for it.</summary>
internal static class PodListPath
{
    /// <param name="pageSize">Items per page; 0 for the whole list in one response.</param>
    public static string For(int pageSize, string? continueToken, string? labelSelector = null)
    {
        var query = new List<string>();
        if (continueToken is not null)
        {
            query.Add("continue=" + Uri.EscapeDataString(continueToken));
        }

        if (labelSelector is not null)
        {
            query.Add("labelSelector=" + Uri.EscapeDataString(labelSelector));
        }

        if (pageSize > 0)
        {
            query.Add("limit=" + pageSize.ToString(CultureInfo.InvariantCulture));
        }

        return "/api/v1/pods" + (query.Count == 0 ? "" : "?" + string.Join('&', query));
    }
}
