namespace KubeFleet.StandIn.Security;

/// <summary>
/// What an exec token says: who it is for, which cluster accepts it (null: every cluster of the
/// fleet, as a token from a plugin that was not told the cluster), and when it was issued and expires.
/// </summary>
public sealed record ExecTokenClaims(string User, string? Cluster, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt);
