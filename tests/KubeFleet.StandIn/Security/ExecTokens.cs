using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using KubeFleet.Engine.Errors;
using KubeFleet.StandIn.Hosting;

namespace KubeFleet.StandIn.Security;

/// <summary>
/// Issues and checks the tokens of the exec credential plugin: the claims as base64url JSON,
/// HMAC-SHA256-signed with the fleet's secret, so the plugin (another process) and the clusters
/// agree without sharing a token table.
/// </summary>
public sealed class ExecTokens
{
    public const string Prefix = "kfs-exec-v1.";

    private const int SecretLength = 32;

    private readonly byte[] secret;

    public ExecTokens(byte[] secret)
    {
        if (secret.Length < SecretLength)
        {
            throw new ArgumentException($"An exec token secret has at least {SecretLength} bytes.", nameof(secret));
        }

        this.secret = secret;
    }

    public static ExecTokens CreateRandom() => new(RandomNumberGenerator.GetBytes(SecretLength));

    /// <summary>Reads a secret file written by <see cref="WriteSecretFile"/>.</summary>
    public static ExecTokens ReadSecretFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path).Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new KubeFleetException("StandInSecretFileUnreadable", ErrorKind.ReadError,
                $"Cannot read the fleet secret file '{path}': {e.Message} Pass the file the launcher or StandInFleet wrote.", path, e);
        }

        try
        {
            return new ExecTokens(Convert.FromBase64String(text));
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            throw new KubeFleetException("StandInSecretFileInvalid", ErrorKind.InvalidData,
                $"The fleet secret file '{path}' does not hold a base64 secret of at least {SecretLength} bytes. Pass the file the launcher or StandInFleet wrote.", path, e);
        }
    }

    /// <summary>Writes the secret (base64, owner-only) for exec plugin processes to read.</summary>
    public void WriteSecretFile(string path) => PrivateFile.WriteAllText(path, Convert.ToBase64String(secret) + "\n");

    public string Issue(ExecTokenClaims claims)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(new Payload(claims.User, claims.Cluster, claims.IssuedAt.UtcTicks, claims.ExpiresAt.UtcTicks));
        var body = Base64Url(payload);
        return Prefix + body + "." + Base64Url(Sign(body));
    }

    /// <summary>True when the token is one of ours with an intact signature; expiry is the caller's to check.</summary>
    public bool TryRead(string token, [NotNullWhen(true)] out ExecTokenClaims? claims)
    {
        claims = null;
        if (!token.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var parts = token[Prefix.Length..].Split('.');
        if (parts.Length != 2 || !TryDecodeBase64Url(parts[1], out var signature)
            || !CryptographicOperations.FixedTimeEquals(signature, Sign(parts[0]))
            || !TryDecodeBase64Url(parts[0], out var payloadBytes))
        {
            return false;
        }

        Payload? payload;
        try
        {
            payload = JsonSerializer.Deserialize<Payload>(payloadBytes);
        }
        catch (JsonException)
        {
            return false;
        }

        if (payload is null || string.IsNullOrEmpty(payload.User))
        {
            return false;
        }

        claims = new ExecTokenClaims(payload.User, payload.Cluster,
            new DateTimeOffset(payload.IssuedAt, TimeSpan.Zero), new DateTimeOffset(payload.ExpiresAt, TimeSpan.Zero));
        return true;
    }

    private byte[] Sign(string body) => HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes(body));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static bool TryDecodeBase64Url(string text, out byte[] bytes)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += new string('=', (4 - (padded.Length % 4)) % 4);
        bytes = new byte[padded.Length];
        if (Convert.TryFromBase64String(padded, bytes, out var written))
        {
            bytes = bytes[..written];
            return true;
        }

        return false;
    }

    // Instants in ticks, so a token issued just after a revocation is told apart from one just before.
    private sealed record Payload(
        [property: JsonPropertyName("user")] string User,
        [property: JsonPropertyName("cluster")] string? Cluster,
        [property: JsonPropertyName("issuedAt")] long IssuedAt,
        [property: JsonPropertyName("expiresAt")] long ExpiresAt);
}
