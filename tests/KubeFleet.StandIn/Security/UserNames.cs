namespace KubeFleet.StandIn.Security;

/// <summary>The users every stand-in cluster has, and the namespace the scoped user may read.</summary>
public static class UserNames
{
    /// <summary>Client certificate, CN=admin, O=system:masters: allowed everything.</summary>
    public const string Admin = "admin";

    /// <summary>Bearer token: get, list and watch on every resource in every namespace except secrets.</summary>
    public const string Viewer = "viewer";

    /// <summary>Bearer token: get, list and watch in namespace <see cref="ScopedNamespace"/> only.</summary>
    public const string Scoped = "scoped";

    /// <summary>Exec plugin (and the <c>aws</c> stand-in): the cluster's administrator, as EKS maps its creator.</summary>
    public const string ExecAdmin = "exec-admin";

    public const string ScopedNamespace = "shop";

    public const string Masters = "system:masters";

    public const string Authenticated = "system:authenticated";

    public const string Unauthenticated = "system:unauthenticated";
}
