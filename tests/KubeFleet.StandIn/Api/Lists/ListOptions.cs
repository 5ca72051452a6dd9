using KubeFleet.Engine.Selectors;
using KubeFleet.StandIn.Api.Errors;
using KubeFleet.StandIn.Api.Http;
using KubeFleet.StandIn.Data.Catalog;
using Microsoft.AspNetCore.Http;

namespace KubeFleet.StandIn.Api.Lists;

/// <summary>
/// The query of a list request, decoded and checked in the API server's order: parameter decoding (selectors
/// and numbers, 400), <c>ValidateListOptions</c> (422), then the kind's field-label conversion (400).
/// </summary>
internal sealed record ListOptions
{
    public LabelSelector Labels { get; private init; } = LabelSelector.Everything;

    public FieldSelector Fields { get; private init; } = FieldSelector.Everything;

    /// <summary>Zero or less: no limit.</summary>
    public long Limit { get; private init; }

    public string Continue { get; private init; } = "";

    /// <summary>Empty when the request did not give one.</summary>
    public string ResourceVersion { get; private init; } = "";

    public string ResourceVersionMatch { get; private init; } = "";

    public bool Watch { get; private init; }

    public bool HasSelectors => !Labels.IsEmpty || !Fields.IsEmpty;

    public static ListOptions Parse(IQueryCollection query, ResourceType type)
    {
        var labels = LabelSelector.Everything;
        var labelText = QueryParameters.Text(query, "labelSelector");
        if (labelText.Length > 0 && !LabelSelector.TryParse(labelText, out labels, out var labelError))
        {
            throw new ApiStatusException(ApiStatus.BadRequest(labelError));
        }

        var fields = FieldSelector.Everything;
        var fieldText = QueryParameters.Text(query, "fieldSelector");
        if (fieldText.Length > 0 && !FieldSelector.TryParse(fieldText, out fields, out var fieldError))
        {
            throw new ApiStatusException(ApiStatus.BadRequest(fieldError));
        }

        var options = new ListOptions
        {
            Labels = labels!,
            Fields = fields!,
            Limit = QueryParameters.Integer(query, "limit"),
            Continue = QueryParameters.Text(query, "continue"),
            ResourceVersion = QueryParameters.Text(query, "resourceVersion"),
            ResourceVersionMatch = QueryParameters.Text(query, "resourceVersionMatch"),
            Watch = QueryParameters.Boolean(query, "watch") ?? false,
        };
        QueryParameters.Integer(query, "timeoutSeconds");
        var sendInitialEvents = QueryParameters.Boolean(query, "sendInitialEvents");

        var errors = options.Validate(sendInitialEvents is not null);
        if (errors.Count > 0)
        {
            throw new ApiStatusException(ApiStatus.InvalidListOptions(errors));
        }

        if (!SelectableFields.For(type.Group, type.Kind, type.Namespaced).TryConvert(options.Fields, out var converted, out var conversionError))
        {
            throw new ApiStatusException(ApiStatus.BadRequest(conversionError));
        }

        return options with { Fields = converted };
    }

    /// <summary><c>ValidateListOptions</c> for a list (watches are refused before their options matter).</summary>
    private List<FieldError> Validate(bool sendInitialEvents)
    {
        var errors = new List<FieldError>();
        if (ResourceVersionMatch.Length > 0)
        {
            if (ResourceVersion.Length == 0)
            {
                errors.Add(FieldError.Forbidden("resourceVersionMatch", "resourceVersionMatch is forbidden unless resourceVersion is provided"));
            }

            if (Continue.Length > 0)
            {
                errors.Add(FieldError.Forbidden("resourceVersionMatch", "resourceVersionMatch is forbidden when continue is provided"));
            }

            if (ResourceVersionMatch is not ("Exact" or "NotOlderThan"))
            {
                errors.Add(FieldError.NotSupported("resourceVersionMatch", ResourceVersionMatch, ["Exact", "NotOlderThan", ""]));
            }

            if (ResourceVersionMatch == "Exact" && ResourceVersion == "0")
            {
                errors.Add(FieldError.Forbidden("resourceVersionMatch", "resourceVersionMatch \"exact\" is forbidden for resourceVersion \"0\""));
            }
        }

        if (sendInitialEvents && !Watch)
        {
            errors.Add(FieldError.Forbidden("sendInitialEvents", "sendInitialEvents is forbidden for list"));
        }

        return errors;
    }
}
