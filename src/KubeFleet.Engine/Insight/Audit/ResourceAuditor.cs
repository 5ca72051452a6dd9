using KubeFleet.Engine.Search.Query;

namespace KubeFleet.Engine.Insight.Audit;

/// <summary>Runs a rule set over resources read from clusters. Safe to share between threads.</summary>
public sealed class ResourceAuditor
{
    public ResourceAuditor(AuditRuleSet rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        Rules = rules;
    }

    public AuditRuleSet Rules { get; }

    /// <summary>
    /// Evaluates every rule over the resource: resource rules over the object as read, pod rules
    /// over its pod spec and container rules over each of its containers (nothing for resources
    /// without a pod spec).
    /// </summary>
    public ResourceAudit Audit(IQueryRow resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var applicable = Rules.Rules.Where(rule => rule.MayApplyTo(resource.Kind)).ToList();
        var findings = new List<AuditFinding>();
        var hasTemplate = PodTemplate.TryFind(resource.ApiVersion, resource.Kind, resource.Object, out var template);
        AuditSubject? pod = null;
        List<(string Name, AuditSubject Subject)>? containers = null;
        foreach (var rule in applicable)
        {
            switch (rule.Target)
            {
                case AuditTarget.Resource:
                    if (rule.Condition.Matches(resource))
                        findings.Add(Finding(rule, null, resource));
                    break;
                case AuditTarget.Pod when hasTemplate:
                    pod ??= AuditSubject.ForPod(resource, template);
                    if (rule.Condition.Matches(pod))
                        findings.Add(Finding(rule, null, pod));
                    break;
                case AuditTarget.Container when hasTemplate:
                    containers ??= template.Containers()
                        .Select(entry => (ContainerName(entry.Container), AuditSubject.ForContainer(resource, template, entry.ContainerSet, entry.Container)))
                        .ToList();
                    foreach (var (name, subject) in containers)
                    {
                        if (rule.Condition.Matches(subject))
                            findings.Add(Finding(rule, name, subject));
                    }
                    break;
            }
        }
        return new ResourceAudit(resource.Cluster, resource.ApiVersion, resource.Kind, resource.Namespace, resource.Name, findings);
    }

    private static AuditFinding Finding(AuditRule rule, string? container, IQueryRow subject) =>
        new(rule.Id, rule.Severity, container, rule.Message.Render(subject.Json), rule.Fix);

    private static string ContainerName(System.Text.Json.JsonElement container) =>
        container.TryGetProperty("name", out var name) && name.ValueKind == System.Text.Json.JsonValueKind.String ? name.GetString()! : "";
}
