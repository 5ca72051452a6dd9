using KubeFleet.Engine.Connections.Credentials;

namespace KubeFleet.Engine.Connections.Exec;

/// <summary>What a plugin run produced: credentials, and when they stop being usable (null: never).</summary>
internal sealed record ExecCredentialResult(RequestCredentials Credentials, DateTimeOffset? ExpiresAt)
{
    /// <summary>client-go reuses credentials until the expiry has passed, with no early refresh.</summary>
    public bool IsUsableAt(DateTimeOffset now) => ExpiresAt is not { } expiry || now <= expiry;
}
