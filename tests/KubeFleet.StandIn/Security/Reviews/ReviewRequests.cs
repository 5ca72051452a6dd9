namespace KubeFleet.StandIn.Security.Reviews;

/// <summary><c>spec.resourceAttributes</c> of a SelfSubjectAccessReview.</summary>
public sealed record ResourceAttributes(string Namespace, string Verb, string Group, string Version, string Resource, string Subresource, string Name);

/// <summary><c>spec.nonResourceAttributes</c> of a SelfSubjectAccessReview.</summary>
public sealed record NonResourceAttributes(string Path, string Verb);

/// <summary>The spec of a SelfSubjectAccessReview; the API requires exactly one of the two.</summary>
public sealed record AccessReviewSpec(ResourceAttributes? ResourceAttributes, NonResourceAttributes? NonResourceAttributes);

/// <summary>The spec of a SelfSubjectRulesReview.</summary>
public sealed record RulesReviewSpec(string Namespace);
