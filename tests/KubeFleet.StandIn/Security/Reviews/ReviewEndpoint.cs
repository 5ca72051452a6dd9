namespace KubeFleet.StandIn.Security.Reviews;

/// <summary>One of the self-review resources: where it is posted and what kind it creates.</summary>
public sealed record ReviewEndpoint(string Group, string Version, string Resource, string Kind)
{
    public static readonly ReviewEndpoint AccessReview = new("authorization.k8s.io", "v1", "selfsubjectaccessreviews", "SelfSubjectAccessReview");

    public static readonly ReviewEndpoint RulesReview = new("authorization.k8s.io", "v1", "selfsubjectrulesreviews", "SelfSubjectRulesReview");

    public static readonly ReviewEndpoint SelfReview = new("authentication.k8s.io", "v1", "selfsubjectreviews", "SelfSubjectReview");

    public static readonly IReadOnlyList<ReviewEndpoint> All = [AccessReview, RulesReview, SelfReview];

    public string ApiVersion => $"{Group}/{Version}";

    public string Path => $"/apis/{Group}/{Version}/{Resource}";

    public static ReviewEndpoint? ForPath(string path) => All.FirstOrDefault(e => e.Path == path);
}
