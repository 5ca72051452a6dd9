namespace KubeFleet.Engine.Insight.Summary;

/// <summary>The kinds a summary counts unless told otherwise: the workloads, their networking, configuration and storage.</summary>
internal static class SummaryKinds
{
    public static readonly IReadOnlyList<(string Group, string Resource)> Default =
    [
        ("apps", "deployments"),
        ("apps", "statefulsets"),
        ("apps", "daemonsets"),
        ("apps", "replicasets"),
        ("batch", "jobs"),
        ("batch", "cronjobs"),
        ("", "services"),
        ("networking.k8s.io", "ingresses"),
        ("", "configmaps"),
        ("", "secrets"),
        ("", "persistentvolumeclaims"),
        ("", "persistentvolumes"),
    ];
}
