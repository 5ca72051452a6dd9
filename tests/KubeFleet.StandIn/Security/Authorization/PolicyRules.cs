namespace KubeFleet.StandIn.Security.Authorization;

/// <summary>An RBAC rule on resources: empty <see cref="ResourceNames"/> means every name.</summary>
public sealed record ResourceRule(IReadOnlyList<string> Verbs, IReadOnlyList<string> ApiGroups, IReadOnlyList<string> Resources)
{
    public IReadOnlyList<string> ResourceNames { get; init; } = [];

    /// <summary>RBAC's matching: <c>*</c> wildcards, <c>resource/subresource</c>, and <c>*/subresource</c>.</summary>
    public bool Matches(RequestAttributes request)
    {
        var resource = request.Subresource.Length == 0 ? request.Resource : request.Resource + "/" + request.Subresource;
        return Includes(Verbs, request.Verb)
            && Includes(ApiGroups, request.ApiGroup)
            && Resources.Any(r => r == "*" || r == resource || (request.Subresource.Length > 0 && r == "*/" + request.Subresource))
            && (ResourceNames.Count == 0 || ResourceNames.Contains(request.Name));
    }

    private static bool Includes(IReadOnlyList<string> values, string value) => values.Contains("*") || values.Contains(value);
}

/// <summary>An RBAC rule on non-resource paths: a trailing <c>*</c> matches any suffix.</summary>
public sealed record NonResourceRule(IReadOnlyList<string> Verbs, IReadOnlyList<string> NonResourceUrls)
{
    public bool Matches(RequestAttributes request) =>
        (Verbs.Contains("*") || Verbs.Contains(request.Verb))
        && NonResourceUrls.Any(url => url == "*" || url == request.Path
            || (url.EndsWith('*') && request.Path.StartsWith(url[..^1], StringComparison.Ordinal)));
}

/// <summary>A Role (namespaced) or ClusterRole: a named set of rules.</summary>
public sealed record Role(string Name, bool IsClusterRole, IReadOnlyList<ResourceRule> ResourceRules, IReadOnlyList<NonResourceRule> NonResourceRules);

public enum SubjectKind
{
    User,
    Group,
}

public sealed record Subject(SubjectKind Kind, string Name)
{
    public bool Covers(UserInfo user) => Kind == SubjectKind.User ? user.Name == Name : user.Groups.Contains(Name);
}

/// <summary>
/// A RoleBinding (rules apply in <see cref="Namespace"/> only) or, with a null namespace, a
/// ClusterRoleBinding (rules apply in every namespace and at the cluster scope).
/// </summary>
public sealed record RoleBinding(string Name, string? Namespace, Role Role, IReadOnlyList<Subject> Subjects)
{
    public bool AppliesIn(string requestNamespace) => Namespace is null || (requestNamespace.Length > 0 && Namespace == requestNamespace);

    /// <summary>RBAC's wording for an allow decision, e.g. <c>ClusterRoleBinding "x" of ClusterRole "y" to Group "z"</c>.</summary>
    public string Describe(Subject subject)
    {
        var binding = Namespace is null ? $"ClusterRoleBinding \"{Name}\"" : $"RoleBinding \"{Name}/{Namespace}\"";
        var role = Role.IsClusterRole ? "ClusterRole" : "Role";
        return $"{binding} of {role} \"{Role.Name}\" to {subject.Kind} \"{subject.Name}\"";
    }
}
