using System.Buffers;
using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using KubeFleet.StandIn.Data.Json;

namespace KubeFleet.StandIn.Api.Lists;

/// <summary>
/// The continue token etcd3 storage issues (<c>k8s.io/apiserver/pkg/storage/continue.go</c>): unpadded
/// base64url of <c>{"v":"meta.k8s.io/v1","rv":N,"start":"key\u0000"}</c>, where the start key is the
/// last returned key (relative to the list's prefix) followed by a NUL, so the next page begins just after it.
/// </summary>
internal static class ContinueToken
{
    private const string TokenVersion = "meta.k8s.io/v1";

    /// <summary>A token to continue a list at <paramref name="revision"/> right after <paramref name="lastKey"/>.</summary>
    public static string After(long revision, string lastKey) => Encode(revision, lastKey + "\0");

    /// <summary>A token for a given start key (the one of an expired token, re-issued at revision -1: "latest").</summary>
    public static string Encode(long revision, string startKey)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer, KubeJson.WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("v", TokenVersion);
            writer.WriteNumber("rv", revision);
            writer.WriteString("start", startKey);
            writer.WriteEndObject();
        }

        return Convert.ToBase64String(buffer.WrittenSpan).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>Decodes a token; on failure <paramref name="error"/> is the storage layer's message.</summary>
    public static bool TryDecode(string token, out long revision, [NotNullWhen(true)] out string? startKey, [NotNullWhen(false)] out string? error)
    {
        revision = 0;
        startKey = null;
        if (!TryDecodeBase64Url(token, out var json, out error))
        {
            return false;
        }

        string? version = null;
        string? start = null;
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                error = $"continue key is not valid: json: cannot unmarshal {GoKind(root.ValueKind)} into Go value of type storage.continueToken";
                return false;
            }

            foreach (var property in root.EnumerateObject())
            {
                switch (property.Name)
                {
                    case "v" when property.Value.ValueKind == JsonValueKind.String:
                        version = property.Value.GetString();
                        break;
                    case "rv" when property.Value.ValueKind == JsonValueKind.Number && property.Value.TryGetInt64(out var rv):
                        revision = rv;
                        break;
                    case "start" when property.Value.ValueKind == JsonValueKind.String:
                        start = property.Value.GetString();
                        break;
                    case "v" or "rv" or "start":
                        error = $"continue key is not valid: json: cannot unmarshal {GoKind(property.Value.ValueKind)} into Go struct field continueToken.{property.Name}";
                        return false;
                }
            }
        }
        catch (JsonException exception)
        {
            error = "continue key is not valid: " + exception.Message;
            return false;
        }

        if (version != TokenVersion)
        {
            error = "continue key is not valid: server does not recognize this encoded version " + version;
            return false;
        }

        if (revision == 0)
        {
            error = $"continue key is not valid: incorrect encoded start resourceVersion (version {TokenVersion})";
            return false;
        }

        if (string.IsNullOrEmpty(start))
        {
            error = $"continue key is not valid: encoded start key empty (version {TokenVersion})";
            return false;
        }

        // Storage refuses keys that path.Clean would change: they could step outside the resource's prefix.
        var key = start.StartsWith('/') ? start : "/" + start;
        if (!IsClean(key))
        {
            error = "continue key is not valid: " + start;
            return false;
        }

        startKey = key[1..];
        return true;
    }

    /// <summary>Whether Go's path.Clean leaves a rooted path unchanged: no empty, <c>.</c> or <c>..</c> segments.</summary>
    private static bool IsClean(string rootedPath) =>
        rootedPath == "/" || rootedPath.Split('/').Skip(1).All(segment => segment is not ("" or "." or ".."));

    private static bool TryDecodeBase64Url(string token, out byte[] decoded, [NotNullWhen(false)] out string? error)
    {
        decoded = [];
        error = null;
        for (var i = 0; i < token.Length; i++)
        {
            var c = token[i];
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                error = $"continue key is not valid: illegal base64 data at input byte {i}";
                return false;
            }
        }

        if (token.Length % 4 == 1)
        {
            error = $"continue key is not valid: illegal base64 data at input byte {token.Length - 1}";
            return false;
        }

        var standard = token.Replace('-', '+').Replace('_', '/');
        standard = standard.PadRight(standard.Length + ((4 - (standard.Length % 4)) % 4), '=');
        var bytes = new byte[Base64.GetMaxDecodedFromUtf8Length(standard.Length)];
        if (Base64.DecodeFromUtf8(System.Text.Encoding.ASCII.GetBytes(standard), bytes, out _, out var written) != OperationStatus.Done)
        {
            error = "continue key is not valid: illegal base64 data at input byte 0";
            return false;
        }

        decoded = bytes[..written];
        return true;
    }

    private static string GoKind(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "bool",
        JsonValueKind.Object => "object",
        _ => "null",
    };
}
