using KubeFleet.Engine.Discovery;
using KubeFleet.Engine.Errors;

namespace KubeFleet.Engine.Search;

/// <summary>
/// Follows, across the fleet, which resource type names each cluster served. A name some clusters
/// serve is a note for the others; a name no cluster serves is one error at the end, with the
/// names that come close.
/// </summary>
internal sealed class KindResolutions
{
    private readonly object _gate = new();
    private readonly Dictionary<string, NameState> _names = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<ResourceCatalog> _catalogs = [];

    /// <summary>Records how a cluster resolved each name; returns the notes that can be given now.</summary>
    public List<SearchEvent> Record(string cluster, ResourceCatalog catalog, IEnumerable<string> resolved, IEnumerable<string> unresolved)
    {
        var notes = new List<SearchEvent>();
        lock (_gate)
        {
            _catalogs.Add(catalog);
            foreach (var name in resolved)
            {
                var state = StateOf(name);
                if (!state.Served)
                {
                    state.Served = true;
                    notes.AddRange(state.NotServedBy.Select(other => NotServed(other, name)));
                    state.NotServedBy.Clear();
                }
            }

            foreach (var name in unresolved)
            {
                var state = StateOf(name);
                if (state.Served)
                {
                    notes.Add(NotServed(cluster, name));
                }
                else
                {
                    state.NotServedBy.Add(cluster);
                }
            }
        }

        return notes;
    }

    /// <summary>One error per name that no cluster whose discovery could be read serves.</summary>
    public IEnumerable<SearchEvent> Conclude()
    {
        lock (_gate)
        {
            return _names
                .Where(entry => !entry.Value.Served && entry.Value.NotServedBy.Count > 0)
                .Select(entry => (SearchEvent)new SearchFailed(Unknown(entry.Key)))
                .ToList();
        }
    }

    private NameState StateOf(string name)
    {
        if (!_names.TryGetValue(name, out var state))
        {
            state = new NameState();
            _names[name] = state;
        }

        return state;
    }

    private static SearchNote NotServed(string cluster, string name) =>
        new(cluster, $"Cluster '{cluster}' does not serve a resource type named '{name}'; it was searched on the clusters that do.");

    private KubeFleetException Unknown(string name)
    {
        var suggestions = NameSuggestions.Like(name, _catalogs);
        var didYouMean = suggestions.Count == 0 ? "" : $" Did you mean {string.Join(", ", suggestions.Select(suggestion => $"'{suggestion}'"))}?";
        return new KubeFleetException(
            SearchErrorIds.ResourceTypeUnknown,
            ErrorKind.ObjectNotFound,
            $"No cluster searched serves a resource type named '{name}'.{didYouMean} Name resource types as 'kubectl api-resources' lists them: "
            + "a kind (Deployment), plural (deployments), singular (deployment), short name (deploy), or one of these qualified by group (deployments.apps).",
            name);
    }

    private sealed class NameState
    {
        public bool Served { get; set; }

        public List<string> NotServedBy { get; } = [];
    }
}
