using KubeFleet.Engine.Discovery;
using KubeFleet.Engine.Search.Lists;
using KubeFleet.Engine.Selectors;

namespace KubeFleet.Engine.Search;

/// <summary>
/// The lists to read for one resource on one cluster, with everything the server can filter
/// pushed to it: the namespace in the path, the label selector, <c>metadata.name</c> for one exact
/// name, and the user's field selector when the kind supports all its fields.
/// </summary>
internal sealed class ListPlan
{
    /// <summary>
    /// RBAC objects are named as URL path segments and may contain capitals; every other built-in
    /// kind and every custom resource has a lower-case DNS name, so a name matched ignoring case can
    /// be sent in lower case for those alone.
    /// </summary>
    private const string MixedCaseNamesGroup = "rbac.authorization.k8s.io";

    private ListPlan(ApiResource resource, IReadOnlyList<ListRequest> requests, bool fieldSelectorOnServer)
    {
        Resource = resource;
        Requests = requests;
        FieldSelectorOnServer = fieldSelectorOnServer;
    }

    public ApiResource Resource { get; }

    /// <summary>The lists to read; none when nothing of this resource can match.</summary>
    public IReadOnlyList<ListRequest> Requests { get; }

    /// <summary>Whether the server applies the user's field selector; when not, it is evaluated on each object.</summary>
    public bool FieldSelectorOnServer { get; }

    public static ListPlan For(SearchPlan plan, ApiResource resource)
    {
        var fields = SelectableFields.For(resource.Group, resource.Kind, resource.Namespaced);
        var onServer = fields.TryConvert(plan.FieldSelector, out var converted, out _);
        var serverFields = new List<FieldRequirement>(onServer ? converted!.Requirements : []);
        serverFields.AddRange(plan.QueryFieldSelector.Requirements);
        if (plan.ExactName is { } name && resource.Group != MixedCaseNamesGroup)
        {
            serverFields.Add(new FieldRequirement("metadata.name", FieldOperator.Equals, name.ToLowerInvariant()));
        }

        var labelSelector = plan.LabelSelector.ToString();
        var fieldSelector = new FieldSelector(serverFields).ToString();
        IReadOnlyList<string?> everywhere = [null];
        var scopes = !resource.Namespaced ? (plan.ClusterScopedExcluded ? [] : everywhere)
            : plan.NamespaceScopes ?? everywhere;
        var requests = scopes.Select(scope => new ListRequest(resource, scope, labelSelector, fieldSelector)).ToList();
        return new ListPlan(resource, requests, onServer);
    }
}
