namespace KubeFleet.StandIn.Security;

/// <summary>Decides requests from a cluster's rule table, so 403s, access reviews and rules reviews agree.</summary>
public interface IAuthorizer
{
    AuthorizationDecision Authorize(UserInfo user, RequestAttributes request);
}

public sealed record AuthorizationDecision(bool Allowed, string Reason);
