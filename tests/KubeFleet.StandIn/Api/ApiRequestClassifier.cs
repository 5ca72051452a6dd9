using KubeFleet.Engine.Selectors;
using KubeFleet.StandIn.Api.Http;
using KubeFleet.StandIn.Api.Routing;
using KubeFleet.StandIn.Security;
using Microsoft.AspNetCore.Http;

namespace KubeFleet.StandIn.Api;

/// <summary>
/// Turns an HTTP request into what it asks to do, exactly as the API server's RequestInfoFactory does
/// (<c>k8s.io/apiserver/pkg/endpoints/request/requestinfo.go</c>): resource requests under <c>/api/v1</c>
/// and <c>/apis/{group}/{version}</c>, everything else a non-resource request on its path.
/// </summary>
public static class ApiRequestClassifier
{
    /// <summary>The authorization attributes of a request; hosts use it to tell resource reads from discovery.</summary>
    public static RequestAttributes Classify(HttpRequest request) => Parse(request).Attributes;

    internal static ApiRequest Parse(HttpRequest request)
    {
        var path = request.Path.Value ?? "/";
        var nonResource = new ApiRequest(new RequestAttributes { Verb = request.Method.ToLowerInvariant(), Path = path });
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 3 || parts[0] is not ("api" or "apis"))
        {
            return nonResource;
        }

        var position = 1;
        var group = "";
        if (parts[0] == "apis")
        {
            if (parts.Length < 4)
            {
                return nonResource;
            }

            group = parts[position++];
        }

        var version = parts[position++];
        var rest = parts[position..];
        var ns = "";
        var namespaceInPath = false;
        if (rest[0] == "namespaces" && rest.Length > 1)
        {
            ns = rest[1];
            if (rest.Length > 2 && rest[2] is not ("status" or "finalize"))
            {
                rest = rest[2..];
                namespaceInPath = true;
            }
        }

        var name = rest.Length >= 2 ? rest[1] : "";
        var verb = Verb(request, name.Length > 0);
        if (verb == "list" && name.Length == 0 && SelectedName(QueryParameters.Text(request.Query, "fieldSelector")) is { } selected)
        {
            name = selected;
        }

        return new ApiRequest(new RequestAttributes
        {
            Verb = verb,
            IsResourceRequest = true,
            ApiGroup = group,
            Resource = rest[0],
            Subresource = rest.Length >= 3 ? rest[2] : "",
            Namespace = ns,
            Name = name,
            Path = path,
        })
        {
            ApiVersion = version,
            Parts = rest,
            NamespaceInPath = namespaceInPath,
        };
    }

    private static string Verb(HttpRequest request, bool named)
    {
        var method = request.Method.ToUpperInvariant();
        return method switch
        {
            "GET" or "HEAD" when named => "get",
            "GET" or "HEAD" => QueryParameters.Boolean(request.Query, "watch") == true ? "watch" : "list",
            "POST" => "create",
            "PUT" => "update",
            "PATCH" => "patch",
            "DELETE" => named ? "delete" : "deletecollection",
            _ => "",
        };
    }

    /// <summary>A list narrowed to one name by <c>metadata.name=…</c> is authorized as a request for that name.</summary>
    private static string? SelectedName(string fieldSelector)
    {
        if (fieldSelector.Length == 0 || !FieldSelector.TryParse(fieldSelector, out var selector, out _))
        {
            return null;
        }

        var names = selector.Requirements.Where(r => r.Field == "metadata.name").ToArray();
        return names is [{ Operator: FieldOperator.Equals, Value: { Length: > 0 } value }] && !value.Contains('/') && value is not ("." or "..") && !value.Contains('%')
            ? value
            : null;
    }
}
