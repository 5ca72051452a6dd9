using System.Text.Json;
using KubeFleet.StandIn.Api.Errors;

namespace KubeFleet.StandIn.Security.Reviews;

/// <summary>
/// Reads review request bodies in the two encodings clients send: JSON, and the Kubernetes
/// protobuf envelope that Go clientsets (kubectl auth) use: the magic <c>k8s\0</c>, then a
/// <c>runtime.Unknown</c> {1 typeMeta {1 apiVersion, 2 kind}, 2 raw object}.
/// </summary>
internal static class ReviewBodyDecoder
{
    public const string ProtobufMediaType = "application/vnd.kubernetes.protobuf";

    private static readonly byte[] ProtobufMagic = [0x6b, 0x38, 0x73, 0x00];

    public static AccessReviewSpec DecodeAccessReview(string? contentType, byte[] body)
    {
        var endpoint = ReviewEndpoint.AccessReview;
        return IsProtobuf(contentType, endpoint)
            ? Protobuf(endpoint, body, ReadAccessReviewSpec)
            : Json(endpoint, body, spec => new AccessReviewSpec(
                spec.TryGetProperty("resourceAttributes", out var resource) && resource.ValueKind == JsonValueKind.Object
                    ? new ResourceAttributes(Text(resource, "namespace"), Text(resource, "verb"), Text(resource, "group"), Text(resource, "version"),
                        Text(resource, "resource"), Text(resource, "subresource"), Text(resource, "name"))
                    : null,
                spec.TryGetProperty("nonResourceAttributes", out var nonResource) && nonResource.ValueKind == JsonValueKind.Object
                    ? new NonResourceAttributes(Text(nonResource, "path"), Text(nonResource, "verb"))
                    : null));
    }

    public static RulesReviewSpec DecodeRulesReview(string? contentType, byte[] body)
    {
        var endpoint = ReviewEndpoint.RulesReview;
        return IsProtobuf(contentType, endpoint)
            ? Protobuf(endpoint, body, ReadRulesReviewSpec)
            : Json(endpoint, body, spec => new RulesReviewSpec(Text(spec, "namespace")));
    }

    /// <summary>A SelfSubjectReview carries nothing that matters; the body is checked, then ignored.</summary>
    public static void DecodeSelfReview(string? contentType, byte[] body)
    {
        var endpoint = ReviewEndpoint.SelfReview;
        if (IsProtobuf(contentType, endpoint))
        {
            Protobuf(endpoint, body, _ => true);
        }
        else
        {
            Json(endpoint, body, _ => true);
        }
    }

    private static bool IsProtobuf(string? contentType, ReviewEndpoint endpoint)
    {
        var mediaType = (contentType ?? "").Split(';')[0].Trim();
        if (mediaType.Equals(ProtobufMediaType, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (mediaType.Length == 0 || mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        throw new ApiStatusException(new ApiStatus(415, "UnsupportedMediaType",
            $"the body of the request was in an unknown format - accepted media types include: application/json, {ProtobufMediaType}"));
    }

    private static T Json<T>(ReviewEndpoint endpoint, byte[] body, Func<JsonElement, T> readSpec)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new JsonException($"expected an object, found {root.ValueKind}");
            }

            CheckTypeMeta(endpoint, Text(root, "apiVersion"), Text(root, "kind"));
            return readSpec(root.TryGetProperty("spec", out var spec) && spec.ValueKind == JsonValueKind.Object ? spec : EmptyObject());
        }
        catch (JsonException e)
        {
            throw CannotBeHandled(endpoint, e.Message);
        }
        catch (InvalidOperationException e)
        {
            throw CannotBeHandled(endpoint, e.Message);
        }
    }

    private static T Protobuf<T>(ReviewEndpoint endpoint, byte[] body, ReadSpec<T> readSpec)
    {
        try
        {
            if (!body.AsSpan().StartsWith(ProtobufMagic))
            {
                throw new FormatException("the body does not start with the Kubernetes protobuf magic number");
            }

            var envelope = new ProtobufReader(body.AsSpan(ProtobufMagic.Length));
            string apiVersion = "", kind = "";
            var raw = ReadOnlySpan<byte>.Empty;
            while (envelope.TryReadTag(out var field, out var wireType))
            {
                if (field == 1 && wireType == 2)
                {
                    var typeMeta = new ProtobufReader(envelope.ReadLengthDelimited());
                    while (typeMeta.TryReadTag(out var metaField, out var metaWire))
                    {
                        if (metaField is 1 or 2 && metaWire == 2)
                        {
                            var value = typeMeta.ReadString();
                            (apiVersion, kind) = metaField == 1 ? (value, kind) : (apiVersion, value);
                        }
                        else
                        {
                            typeMeta.Skip(metaWire);
                        }
                    }
                }
                else if (field == 2 && wireType == 2)
                {
                    raw = envelope.ReadLengthDelimited();
                }
                else
                {
                    envelope.Skip(wireType);
                }
            }

            CheckTypeMeta(endpoint, apiVersion, kind);
            var review = new ProtobufReader(raw);
            var spec = ReadOnlySpan<byte>.Empty;
            while (review.TryReadTag(out var field, out var wireType))
            {
                if (field == 2 && wireType == 2)
                {
                    spec = review.ReadLengthDelimited();
                }
                else
                {
                    review.Skip(wireType);
                }
            }

            return readSpec(spec);
        }
        catch (FormatException e)
        {
            throw CannotBeHandled(endpoint, e.Message);
        }
    }

    private delegate T ReadSpec<out T>(ReadOnlySpan<byte> spec);

    // SelfSubjectAccessReviewSpec {1 resourceAttributes, 2 nonResourceAttributes}; a message field is
    // present exactly when its tag is on the wire, however empty its content.
    private static AccessReviewSpec ReadAccessReviewSpec(ReadOnlySpan<byte> spec)
    {
        ResourceAttributes? resource = null;
        NonResourceAttributes? nonResource = null;
        var reader = new ProtobufReader(spec);
        while (reader.TryReadTag(out var field, out var wireType))
        {
            if (field == 1 && wireType == 2)
            {
                var strings = ReadStrings(reader.ReadLengthDelimited(), 7);
                resource = new ResourceAttributes(strings[0], strings[1], strings[2], strings[3], strings[4], strings[5], strings[6]);
            }
            else if (field == 2 && wireType == 2)
            {
                var strings = ReadStrings(reader.ReadLengthDelimited(), 2);
                nonResource = new NonResourceAttributes(strings[0], strings[1]);
            }
            else
            {
                reader.Skip(wireType);
            }
        }

        return new AccessReviewSpec(resource, nonResource);
    }

    // SelfSubjectRulesReviewSpec {1 namespace}.
    private static RulesReviewSpec ReadRulesReviewSpec(ReadOnlySpan<byte> spec) => new(ReadStrings(spec, 1)[0]);

    /// <summary>The string fields 1..count of a message; absent ones are empty, others skipped.</summary>
    private static string[] ReadStrings(ReadOnlySpan<byte> message, int count)
    {
        var values = Enumerable.Repeat("", count).ToArray();
        var reader = new ProtobufReader(message);
        while (reader.TryReadTag(out var field, out var wireType))
        {
            if (field >= 1 && field <= count && wireType == 2)
            {
                values[field - 1] = reader.ReadString();
            }
            else
            {
                reader.Skip(wireType);
            }
        }

        return values;
    }

    // Like the API server, an empty apiVersion or kind takes the endpoint's; a different one is refused.
    private static void CheckTypeMeta(ReviewEndpoint endpoint, string apiVersion, string kind)
    {
        if (apiVersion.Length > 0 && apiVersion != endpoint.ApiVersion)
        {
            throw new ApiStatusException(ApiStatus.BadRequest(
                $"the API version in the data ({apiVersion}) does not match the expected API version ({endpoint.ApiVersion})"));
        }

        if (kind.Length > 0 && kind != endpoint.Kind)
        {
            throw new ApiStatusException(ApiStatus.BadRequest(
                $"{kind} in version \"{endpoint.Version}\" cannot be handled as a {endpoint.Kind}: the kind in the data does not match the endpoint"));
        }
    }

    private static ApiStatusException CannotBeHandled(ReviewEndpoint endpoint, string detail) =>
        new(ApiStatus.BadRequest($"{endpoint.Kind} in version \"{endpoint.Version}\" cannot be handled as a {endpoint.Kind}: {detail}"));

    private static string Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind != JsonValueKind.Null
            ? value.GetString() ?? ""
            : "";

    private static JsonElement EmptyObject()
    {
        using var empty = JsonDocument.Parse("{}");
        return empty.RootElement.Clone();
    }
}
