using System.Buffers;
using System.Text.Json;
using KubeFleet.StandIn.Api.Http;
using KubeFleet.StandIn.Data.Catalog;
using KubeFleet.StandIn.Data.Json;
using KubeFleet.StandIn.Security;
using Microsoft.AspNetCore.Http;

namespace KubeFleet.StandIn.Api.Errors;

/// <summary>
/// A failure as the API server reports it: a metav1.Status whose <see cref="Code"/> is also the HTTP status,
/// built the way <c>k8s.io/apimachinery/pkg/api/errors</c> builds each kind of error.
/// </summary>
public sealed record ApiStatus(int Code, string Reason, string Message)
{
    /// <summary>The details object; null omits it, an empty one is written as <c>{}</c>.</summary>
    public StatusDetails? Details { get; init; }

    /// <summary>A continue token offered with the error (the inconsistent one of a 410 Expired).</summary>
    public string? Continue { get; init; }

    public static ApiStatus NotFound(ResourceType type, string name) =>
        new(404, "NotFound", $"{type.QualifiedResource} \"{name}\" not found")
        {
            Details = new StatusDetails { Name = name, Group = type.Group, Kind = type.Resource },
        };

    public static ApiStatus BadRequest(string message) => new(400, "BadRequest", message);

    public static ApiStatus MethodNotAllowed() =>
        new(405, "MethodNotAllowed", "the server does not allow this method on the requested resource") { Details = new StatusDetails() };

    public static ApiStatus NotAcceptable(string message) => new(406, "NotAcceptable", message);

    public static ApiStatus Expired(string message, string? continueToken = null) => new(410, "Expired", message) { Continue = continueToken };

    /// <summary>A 504 for a resourceVersion the storage has not reached.</summary>
    public static ApiStatus TooLargeResourceVersion(long requested, long current) =>
        new(504, "Timeout", $"Timeout: Too large resource version: {requested}, current: {current}")
        {
            Details = new StatusDetails
            {
                Causes = [new StatusCause("ResourceVersionTooLarge", "Too large resource version", "")],
                RetryAfterSeconds = 1,
            },
        };

    /// <summary>A 422 for invalid list options (<c>ListOptions.meta.k8s.io "" is invalid: …</c>).</summary>
    public static ApiStatus InvalidListOptions(IReadOnlyList<FieldError> errors)
    {
        var aggregate = errors.Count == 1 ? errors[0].ToString() : "[" + string.Join(", ", errors) + "]";
        return new ApiStatus(422, "Invalid", $"ListOptions.meta.k8s.io \"\" is invalid: {aggregate}")
        {
            Details = new StatusDetails
            {
                Group = "meta.k8s.io",
                Kind = "ListOptions",
                Causes = errors.Select(e => new StatusCause(e.CauseType, e.Body, e.Field)).ToArray(),
            },
        };
    }

    /// <summary>
    /// A 403 in the authorizer's words (<c>responsewriters.Forbidden</c>): what the user cannot do, HTML-sensitive
    /// characters escaped, and the authorizer's reason appended when it gave one.
    /// </summary>
    public static ApiStatus Forbidden(UserInfo user, RequestAttributes request, string reason)
    {
        var denial = Sanitize(Denial(user.Name, request));
        var message = reason.Length == 0 ? denial : $"{denial}: {reason}";
        if (!request.IsResourceRequest)
        {
            return new ApiStatus(403, "Forbidden", "forbidden: " + message) { Details = new StatusDetails() };
        }

        var qualified = request.ApiGroup.Length == 0 ? request.Resource : $"{request.Resource}.{request.ApiGroup}";
        return new ApiStatus(403, "Forbidden", request.Name.Length == 0 ? $"{qualified} is forbidden: {message}" : $"{qualified} \"{request.Name}\" is forbidden: {message}")
        {
            Details = new StatusDetails { Name = request.Name, Group = request.ApiGroup, Kind = request.Resource },
        };
    }

    /// <summary>Answers a request with this Status: its code, <c>application/json</c>, the object and a newline.</summary>
    public Task WriteAsync(HttpContext context)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, KubeJson.WriterOptions))
        {
            WriteTo(writer);
        }

        buffer.Write("\n"u8);
        return ResponseBody.WriteAsync(context, Code, "application/json", buffer.WrittenMemory);
    }

    /// <summary>Writes the Status object in Go's field order.</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("kind", "Status");
        writer.WriteString("apiVersion", "v1");
        writer.WriteStartObject("metadata");
        writer.WriteStringIfAny("continue", Continue);
        writer.WriteEndObject();
        writer.WriteString("status", "Failure");
        writer.WriteStringIfAny("message", Message);
        writer.WriteStringIfAny("reason", Reason);
        Details?.WriteTo(writer);
        writer.WriteNumber("code", Code);
        writer.WriteEndObject();
    }

    private static string Denial(string user, RequestAttributes request)
    {
        if (!request.IsResourceRequest)
        {
            return $"User \"{user}\" cannot {request.Verb} path \"{request.Path}\"";
        }

        var resource = request.Subresource.Length == 0 ? request.Resource : $"{request.Resource}/{request.Subresource}";
        var scope = request.Namespace.Length == 0 ? "at the cluster scope" : $"in the namespace \"{request.Namespace}\"";
        return $"User \"{user}\" cannot {request.Verb} resource \"{resource}\" in API group \"{request.ApiGroup}\" {scope}";
    }

    private static string Sanitize(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}

/// <summary>metav1.StatusDetails; empty fields are omitted.</summary>
public sealed record StatusDetails
{
    public string Name { get; init; } = "";

    public string Group { get; init; } = "";

    public string Kind { get; init; } = "";

    public IReadOnlyList<StatusCause> Causes { get; init; } = [];

    public int RetryAfterSeconds { get; init; }

    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject("details");
        writer.WriteStringIfAny("name", Name);
        writer.WriteStringIfAny("group", Group);
        writer.WriteStringIfAny("kind", Kind);
        if (Causes.Count > 0)
        {
            writer.WriteStartArray("causes");
            foreach (var cause in Causes)
            {
                writer.WriteStartObject();
                writer.WriteStringIfAny("reason", cause.Reason);
                writer.WriteStringIfAny("message", cause.Message);
                writer.WriteStringIfAny("field", cause.Field);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        if (RetryAfterSeconds > 0)
        {
            writer.WriteNumber("retryAfterSeconds", RetryAfterSeconds);
        }

        writer.WriteEndObject();
    }
}

public sealed record StatusCause(string Reason, string Message, string Field);

/// <summary>A field validation error (<c>field.Error</c>), e.g. <c>resourceVersionMatch: Forbidden: …</c>.</summary>
public sealed record FieldError(string Field, string CauseType, string Body)
{
    public static FieldError Forbidden(string field, string detail) => new(field, "FieldValueForbidden", "Forbidden: " + detail);

    public static FieldError NotSupported(string field, string value, IEnumerable<string> supported) =>
        new(field, "FieldValueNotSupported", $"Unsupported value: \"{value}\": supported values: {string.Join(", ", supported.Select(s => $"\"{s}\""))}");

    public override string ToString() => $"{Field}: {Body}";
}
