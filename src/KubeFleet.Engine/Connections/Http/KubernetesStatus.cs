using System.Net;
using System.Text;
using System.Text.Json;

namespace KubeFleet.Engine.Connections.Http;

/// <summary>
/// What an API server said when it refused a request: the reason and message of its
/// <c>metav1.Status</c> body, or, when the body is not one (a proxy's page, a plain-text 429), the
/// reason and message client-go derives from the status code.
/// </summary>
public sealed record KubernetesStatus(int Code, string Reason, string Message)
{
    /// <summary>details.retryAfterSeconds, when the server suggested a delay.</summary>
    public int? RetryAfterSeconds { get; init; }

    internal static KubernetesStatus Decode(HttpStatusCode statusCode, string? mediaType, ReadOnlySpan<byte> body)
    {
        var code = (int)statusCode;
        return TryDecodeStatusObject(code, mediaType, body) ?? FromCode(code, Encoding.UTF8.GetString(body).Trim());
    }

    private static KubernetesStatus? TryDecodeStatusObject(int code, string? mediaType, ReadOnlySpan<byte> body)
    {
        if (mediaType is null || !mediaType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || StringProperty(root, "kind") != "Status")
            {
                return null;
            }

            var generic = FromCode(code, "");
            var reason = StringProperty(root, "reason");
            var message = StringProperty(root, "message");
            int? retryAfter = root.TryGetProperty("details", out var details)
                && details.ValueKind == JsonValueKind.Object
                && details.TryGetProperty("retryAfterSeconds", out var seconds)
                && seconds.TryGetInt32(out var value)
                    ? value
                    : null;
            return new KubernetesStatus(
                code,
                string.IsNullOrEmpty(reason) ? generic.Reason : reason,
                string.IsNullOrEmpty(message) ? generic.Message : message)
            {
                RetryAfterSeconds = retryAfter,
            };
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? StringProperty(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>client-go's <c>NewGenericServerResponse</c>: reason and message from the code alone.</summary>
    private static KubernetesStatus FromCode(int code, string bodyText) => code switch
    {
        400 => new(code, "BadRequest", Or(bodyText, "the server rejected our request for an unknown reason")),
        401 => new(code, "Unauthorized", "the server has asked for the client to provide credentials"),
        403 => new(code, "Forbidden", Or(bodyText, "the server does not allow access to the requested resource")),
        404 => new(code, "NotFound", "the server could not find the requested resource"),
        405 => new(code, "MethodNotAllowed", "the server does not allow this method on the requested resource"),
        406 => new(code, "NotAcceptable", Or(bodyText, "the server was unable to respond with a content type that the client supports")),
        409 => new(code, "Conflict", Or(bodyText, "the server reported a conflict")),
        410 => new(code, "Gone", Or(bodyText, "the server no longer has the requested resource")),
        413 => new(code, "RequestEntityTooLarge", Or(bodyText, "the server has rejected the request because it is too large")),
        415 => new(code, "UnsupportedMediaType", Or(bodyText, "the server was unable to handle the media type requested")),
        422 => new(code, "Invalid", Or(bodyText, "the server rejected our request due to an error in our request")),
        429 => new(code, "TooManyRequests", "the server has received too many requests and has asked us to try again later"),
        503 => new(code, "ServiceUnavailable", "the server is currently unable to handle the request"),
        504 => new(code, "Timeout", "the server was unable to return a response in the time allotted, but may still be processing the request"),
        >= 500 => new(code, "InternalError", $"an error on the server (\"{Truncate(bodyText)}\") has prevented the request from succeeding"),
        _ => new(code, "Unknown", Or(bodyText, $"the server responded with the status code {code} but did not return more information")),
    };

    private static string Or(string bodyText, string fallback) => bodyText.Length == 0 ? fallback : Truncate(bodyText);

    private static string Truncate(string text) => text.Length <= 512 ? text : string.Concat(text.AsSpan(0, 512), "…");
}
