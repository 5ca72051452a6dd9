using KubeFleet.Engine.Search.Query;
using KubeFleet.Engine.Selectors;

namespace KubeFleet.Engine.Search;

/// <summary>
/// What a result must satisfy once it has arrived: the wildcard patterns, the selectors (checked
/// again: aggregated API servers may ignore them), a field selector the server could not apply,
/// and the query.
/// </summary>
internal sealed class ResultFilter(SearchPlan plan)
{
    public bool Matches(ClusterResource resource, ListPlan list)
    {
        if (plan.NamePatterns.Count > 0 && !plan.NamePatterns.Any(pattern => pattern.IsMatch(resource.Name)))
        {
            return false;
        }

        if (resource.Resource.Namespaced && plan.NamespacePatterns.Count > 0
            && !plan.NamespacePatterns.Any(pattern => pattern.IsMatch(resource.Namespace ?? "")))
        {
            return false;
        }

        if (!plan.LabelSelector.Matches(resource.Labels))
        {
            return false;
        }

        if (!list.FieldSelectorOnServer && !plan.FieldSelector.IsEmpty && !MatchesFieldSelector(resource))
        {
            return false;
        }

        return plan.Query is not { } query || query.Matches(resource);
    }

    /// <summary>
    /// A field the kind can be selected by has the server's value (a pod's <c>status.podIP</c> is
    /// its first IP, booleans are "true"/"false"); any other field is read from the object's bytes
    /// by its dotted path, a missing one being "" as on the server, without parsing the object.
    /// </summary>
    private bool MatchesFieldSelector(ClusterResource resource)
    {
        IQueryRow row = resource;
        var fields = SelectableFields.For(resource.Resource.Group, resource.Kind, resource.Resource.Namespaced);
        return plan.FieldSelector.Matches(field => fields.IsSupported(field) ? fields.ValueOf(field, row.Object) : JsonPath.Scalar(row.Json, field));
    }
}
