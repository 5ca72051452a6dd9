using System.Text.Json;
using KubeFleet.StandIn.Api.Errors;
using KubeFleet.StandIn.Data.Json;
using KubeFleet.StandIn.Security.Authorization;
using Microsoft.AspNetCore.Http;

namespace KubeFleet.StandIn.Security.Reviews;

/// <summary>
/// Serves <c>POST</c> of SelfSubjectAccessReview, SelfSubjectRulesReview and SelfSubjectReview:
/// every answer comes from the cluster's <see cref="RuleAuthorizer"/> and the authenticated user,
/// so "can I?" answers what the cluster then does. Answers are JSON with 201 Created, which every
/// client accepts, whatever encoding it posted.
/// </summary>
public sealed class SelfSubjectReviews
{
    // The API server's default maxRequestBodyBytes.
    private const int MaxBodyBytes = 3 * 1024 * 1024;

    private readonly RuleAuthorizer authorizer;
    private readonly TimeProvider clock;

    public SelfSubjectReviews(RuleAuthorizer authorizer, TimeProvider clock)
    {
        this.authorizer = authorizer;
        this.clock = clock;
    }

    public static bool Handles(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && ReviewEndpoint.ForPath(request.Path.Value ?? "") is not null;

    public async Task HandleAsync(HttpContext context, UserInfo user)
    {
        var endpoint = ReviewEndpoint.ForPath(context.Request.Path.Value ?? "")
            ?? throw new InvalidOperationException("HandleAsync is only called for requests Handles accepts.");
        var create = new RequestAttributes
        {
            Verb = "create",
            IsResourceRequest = true,
            ApiGroup = endpoint.Group,
            Resource = endpoint.Resource,
            Path = endpoint.Path,
        };
        try
        {
            var decision = authorizer.Authorize(user, create);
            if (!decision.Allowed)
            {
                throw new ApiStatusException(ApiStatus.Forbidden(user, create, decision.Reason));
            }

            var body = await ReadBodyAsync(context.Request);
            var contentType = context.Request.ContentType;
            if (endpoint == ReviewEndpoint.AccessReview)
            {
                await RespondAsync(context, endpoint, json => WriteAccessReview(json, user, ReviewBodyDecoder.DecodeAccessReview(contentType, body)));
            }
            else if (endpoint == ReviewEndpoint.RulesReview)
            {
                await RespondAsync(context, endpoint, json => WriteRulesReview(json, user, ReviewBodyDecoder.DecodeRulesReview(contentType, body)));
            }
            else
            {
                ReviewBodyDecoder.DecodeSelfReview(contentType, body);
                await RespondAsync(context, endpoint, json => WriteSelfReview(json, user));
            }
        }
        catch (ApiStatusException refusal)
        {
            await refusal.Status.WriteAsync(context);
        }
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                throw new ApiStatusException(new ApiStatus(413, "RequestEntityTooLarge", $"Request entity too large: limit is {MaxBodyBytes}"));
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static async Task RespondAsync(HttpContext context, ReviewEndpoint endpoint, Action<Utf8JsonWriter> writeBody)
    {
        // Decoding and validation run before anything is written, so a refusal is still a clean Status.
        var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, KubeJson.WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("kind", endpoint.Kind);
            json.WriteString("apiVersion", endpoint.ApiVersion);
            writeBody(json);
            json.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        context.Response.StatusCode = StatusCodes.Status201Created;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = buffer.Length;
        await context.Response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
    }

    private void WriteAccessReview(Utf8JsonWriter json, UserInfo user, AccessReviewSpec spec)
    {
        RequestAttributes request;
        if (spec.ResourceAttributes is { } resource && spec.NonResourceAttributes is null)
        {
            request = new RequestAttributes
            {
                Verb = resource.Verb,
                IsResourceRequest = true,
                ApiGroup = resource.Group,
                Resource = resource.Resource,
                Subresource = resource.Subresource,
                Namespace = resource.Namespace,
                Name = resource.Name,
            };
        }
        else if (spec.NonResourceAttributes is { } nonResource && spec.ResourceAttributes is null)
        {
            request = new RequestAttributes { Verb = nonResource.Verb, Path = nonResource.Path };
        }
        else if (spec.ResourceAttributes is null)
        {
            throw Invalid(ReviewEndpoint.AccessReview, "spec.resourceAttributes", "exactly one of nonResourceAttributes or resourceAttributes must be specified");
        }
        else
        {
            throw Invalid(ReviewEndpoint.AccessReview, "spec.nonResourceAttributes", "cannot be specified in combination with resourceAttributes");
        }

        var decision = authorizer.Authorize(user, request);
        WriteEmptyMetadata(json);
        json.WriteStartObject("spec");
        if (spec.ResourceAttributes is { } attributes)
        {
            json.WriteStartObject("resourceAttributes");
            json.WriteStringIfAny("namespace", attributes.Namespace);
            json.WriteStringIfAny("verb", attributes.Verb);
            json.WriteStringIfAny("group", attributes.Group);
            json.WriteStringIfAny("version", attributes.Version);
            json.WriteStringIfAny("resource", attributes.Resource);
            json.WriteStringIfAny("subresource", attributes.Subresource);
            json.WriteStringIfAny("name", attributes.Name);
            json.WriteEndObject();
        }
        else if (spec.NonResourceAttributes is { } path)
        {
            json.WriteStartObject("nonResourceAttributes");
            json.WriteStringIfAny("path", path.Path);
            json.WriteStringIfAny("verb", path.Verb);
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteStartObject("status");
        json.WriteBoolean("allowed", decision.Allowed);
        json.WriteStringIfAny("reason", decision.Reason);
        json.WriteEndObject();
    }

    private void WriteRulesReview(Utf8JsonWriter json, UserInfo user, RulesReviewSpec spec)
    {
        if (spec.Namespace.Length == 0)
        {
            throw new ApiStatusException(ApiStatus.BadRequest("no namespace on request"));
        }

        var rules = authorizer.RulesFor(user, spec.Namespace);
        WriteEmptyMetadata(json);
        json.WriteStartObject("spec");
        json.WriteString("namespace", spec.Namespace);
        json.WriteEndObject();
        json.WriteStartObject("status");
        json.WriteStartArray("resourceRules");
        foreach (var rule in rules.ResourceRules)
        {
            json.WriteStartObject();
            json.WriteStringArray("verbs", rule.Verbs);
            WriteStringArrayIfAny(json, "apiGroups", rule.ApiGroups);
            WriteStringArrayIfAny(json, "resources", rule.Resources);
            WriteStringArrayIfAny(json, "resourceNames", rule.ResourceNames);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("nonResourceRules");
        foreach (var rule in rules.NonResourceRules)
        {
            json.WriteStartObject();
            json.WriteStringArray("verbs", rule.Verbs);
            WriteStringArrayIfAny(json, "nonResourceURLs", rule.NonResourceUrls);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteBoolean("incomplete", false);
        json.WriteEndObject();
    }

    private void WriteSelfReview(Utf8JsonWriter json, UserInfo user)
    {
        json.WriteStartObject("metadata");
        json.WriteTime("creationTimestamp", clock.GetUtcNow());
        json.WriteEndObject();
        json.WriteStartObject("status");
        json.WriteStartObject("userInfo");
        json.WriteString("username", user.Name);
        json.WriteStringIfAny("uid", user.Uid);
        WriteStringArrayIfAny(json, "groups", user.Groups);
        if (user.Extra.Count > 0)
        {
            json.WriteStartObject("extra");
            foreach (var (key, values) in user.Extra.OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                json.WriteStringArray(key, values);
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteEmptyMetadata(Utf8JsonWriter json)
    {
        json.WriteStartObject("metadata");
        json.WriteNull("creationTimestamp");
        json.WriteEndObject();
    }

    // Go's omitempty on a string list.
    private static void WriteStringArrayIfAny(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        if (values.Count > 0)
        {
            json.WriteStringArray(name, values);
        }
    }

    /// <summary>
    /// A 422 as validation reports it (<c>field.Invalid</c>). The value is always <c>"null"</c>:
    /// the API server prints the other attributes block, which is absent in both cases it refuses.
    /// </summary>
    private static ApiStatusException Invalid(ReviewEndpoint endpoint, string field, string detail)
    {
        var error = new FieldError(field, "FieldValueInvalid", $"Invalid value: \"null\": {detail}");
        return new ApiStatusException(new ApiStatus(422, "Invalid", $"{endpoint.Kind}.{endpoint.Group} \"\" is invalid: {error}")
        {
            Details = new StatusDetails { Group = endpoint.Group, Kind = endpoint.Kind, Causes = [new StatusCause(error.CauseType, error.Body, error.Field)] },
        });
    }
}
