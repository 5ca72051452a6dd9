using KubeFleet.StandIn.Api.Errors;
using KubeFleet.StandIn.Api.Rendering;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace KubeFleet.StandIn.Api.Http;

/// <summary>
/// What a read answers with: plain JSON, or a meta.k8s.io Table when the Accept header asks for one first
/// (as <c>kubectl get</c> does), with the row objects <c>includeObject</c> selects.
/// </summary>
internal sealed record ResponseFormat(string? TableVersion, IncludeObject Include)
{
    private const string NotAcceptableMessage =
        "only the following media types are accepted: application/json, application/yaml, application/vnd.kubernetes.protobuf, application/json;stream=watch, application/vnd.kubernetes.protobuf;stream=watch";

    public static ResponseFormat Negotiate(StringValues accept, IQueryCollection query)
    {
        foreach (var range in MediaRange.ParseAccept(accept))
        {
            if (!range.AcceptsJson)
            {
                continue;
            }

            foreach (var version in new[] { "v1", "v1beta1" })
            {
                if (range.Names("meta.k8s.io", version, "Table"))
                {
                    return new ResponseFormat(version, ParseInclude(query));
                }
            }

            if (range.IsPlain)
            {
                return new ResponseFormat(null, IncludeObject.Metadata);
            }
        }

        throw new ApiStatusException(ApiStatus.NotAcceptable(NotAcceptableMessage));
    }

    private static IncludeObject ParseInclude(IQueryCollection query) => QueryParameters.Text(query, "includeObject") switch
    {
        "" or "Metadata" => IncludeObject.Metadata,
        "Object" => IncludeObject.Object,
        "None" => IncludeObject.None,
        var other => throw new ApiStatusException(ApiStatus.BadRequest($"unrecognized includeObject value: \"{other}\"")),
    };
}
