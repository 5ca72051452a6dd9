namespace KubeFleet.StandIn.Security.Authorization;

/// <summary>
/// Authorizes requests from RBAC-style bindings, the way the RBAC authorizer does: allow when
/// any binding that covers the user and applies in the request's namespace has a matching rule;
/// there is no deny rule. The same bindings answer SelfSubjectRulesReview, so 403s, access
/// reviews and rules reviews always agree.
/// </summary>
public sealed class RuleAuthorizer : IAuthorizer
{
    public RuleAuthorizer(IReadOnlyList<RoleBinding> bindings)
    {
        Bindings = bindings;
    }

    public IReadOnlyList<RoleBinding> Bindings { get; }

    public AuthorizationDecision Authorize(UserInfo user, RequestAttributes request)
    {
        foreach (var binding in Bindings)
        {
            if (!binding.AppliesIn(request.IsResourceRequest ? request.Namespace : ""))
            {
                continue;
            }

            var subject = binding.Subjects.FirstOrDefault(s => s.Covers(user));
            if (subject is null)
            {
                continue;
            }

            var allowed = request.IsResourceRequest
                ? binding.Role.ResourceRules.Any(r => r.Matches(request))
                : binding.Role.NonResourceRules.Any(r => r.Matches(request));
            if (allowed)
            {
                return new AuthorizationDecision(true, "RBAC: allowed by " + binding.Describe(subject));
            }
        }

        // The RBAC authorizer gives no reason when it denies, so kubectl prints a bare "no".
        return new AuthorizationDecision(false, "");
    }

    /// <summary>Every rule that applies to <paramref name="user"/> in <paramref name="namespace"/>, cluster bindings first.</summary>
    public UserRules RulesFor(UserInfo user, string @namespace)
    {
        var applicable = Bindings
            .Where(b => b.AppliesIn(@namespace) && b.Subjects.Any(s => s.Covers(user)))
            .OrderBy(b => b.Namespace is null ? 0 : 1)
            .ToList();
        return new UserRules(
            applicable.SelectMany(b => b.Role.ResourceRules).ToList(),
            applicable.SelectMany(b => b.Role.NonResourceRules).ToList());
    }
}

/// <summary>What a user may do in one namespace, as a SelfSubjectRulesReview reports it.</summary>
public sealed record UserRules(IReadOnlyList<ResourceRule> ResourceRules, IReadOnlyList<NonResourceRule> NonResourceRules);
