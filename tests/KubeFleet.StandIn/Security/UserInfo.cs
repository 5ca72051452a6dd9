namespace KubeFleet.StandIn.Security;

/// <summary>Who a request was authenticated as, as the real authenticators report it.</summary>
public sealed record UserInfo(string Name, string Uid, IReadOnlyList<string> Groups)
{
    public static readonly UserInfo Anonymous = new("system:anonymous", "", ["system:unauthenticated"]);

    public bool IsAnonymous => Name == Anonymous.Name;

    /// <summary>Authenticator-specific attributes, e.g. the x509 certificate's credential id.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Extra { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
}
