using System.Text;
using KubeFleet.Engine.Discovery;

namespace KubeFleet.Engine.Search.Lists;

/// <summary>One list to read from a cluster: a resource, optionally within one namespace, with the selectors the server applies.</summary>
internal sealed class ListRequest
{
    public ListRequest(ApiResource resource, string? namespaceName, string? labelSelector, string? fieldSelector)
    {
        Resource = resource;
        Namespace = resource.Namespaced ? namespaceName : null;
        LabelSelector = string.IsNullOrEmpty(labelSelector) ? null : labelSelector;
        FieldSelector = string.IsNullOrEmpty(fieldSelector) ? null : fieldSelector;
        ItemType = new ListItemType(resource.ApiVersion, resource.Kind);
    }

    public ApiResource Resource { get; }

    /// <summary>The namespace listed, or null for all namespaces (and for cluster-scoped resources).</summary>
    public string? Namespace { get; }

    public string? LabelSelector { get; }

    public string? FieldSelector { get; }

    public ListItemType ItemType { get; }

    /// <summary>
    /// The request path with its query, parameters in the order Go writes them. A
    /// <paramref name="limit"/> of 0 asks for everything at once.
    /// </summary>
    public string PathAndQuery(int limit, string? continueToken)
    {
        var path = new StringBuilder(Resource.ListPath(Namespace));
        var separator = '?';
        void Add(string name, string? value)
        {
            if (value is not null)
            {
                path.Append(separator).Append(name).Append('=').Append(Uri.EscapeDataString(value));
                separator = '&';
            }
        }

        Add("continue", continueToken);
        Add("fieldSelector", FieldSelector);
        Add("labelSelector", LabelSelector);
        Add("limit", limit > 0 ? limit.ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
        return path.ToString();
    }

    /// <summary>How notes name the list: <c>pods in namespace 'shop'</c>, <c>nodes</c>.</summary>
    public override string ToString() => Namespace is null ? Resource.QualifiedName : $"{Resource.QualifiedName} in namespace '{Namespace}'";
}
