namespace KubeFleet.StandIn.Data.Generation.Factories;

/// <summary>The workload kinds application teams deploy.</summary>
internal enum AppKind
{
    Deployment,
    StatefulSet,
    CronJob,
    Job,
}

/// <summary>How an application is doing; decides the states of its pods.</summary>
internal enum AppHealth
{
    Healthy,

    /// <summary>Some replicas crash or fail readiness.</summary>
    Degraded,

    /// <summary>Every replica is in CrashLoopBackOff.</summary>
    CrashLooping,

    /// <summary>The image of the latest rollout does not exist.</summary>
    ImagePullFailing,

    /// <summary>Some replicas cannot be scheduled: the cluster is out of memory.</summary>
    Starved,
}

/// <summary>How much of requests and limits an application's containers declare.</summary>
internal enum ResourceDeclaration
{
    RequestsAndLimits,
    RequestsOnly,
    Nothing,
}

/// <summary>Every decision about one application, made up front so its objects agree with each other.</summary>
internal sealed record AppProfile
{
    public required string Namespace { get; init; }

    public required string Name { get; init; }

    public required AppKind Kind { get; init; }

    public required int Replicas { get; init; }

    public AppHealth Health { get; init; } = AppHealth.Healthy;

    public required string Image { get; init; }

    public required string Version { get; init; }

    public required int Port { get; init; }

    /// <summary>frontend, backend, worker, database, cache, job.</summary>
    public required string Component { get; init; }

    /// <summary>app.kubernetes.io/* labels (as Helm charts set them) rather than the older <c>app</c>/<c>tier</c> style.</summary>
    public bool RecommendedLabels { get; init; }

    /// <summary>The Helm release that installed the application, if any.</summary>
    public string? HelmRelease { get; init; }

    public string? ConfigMap { get; init; }

    public string? Secret { get; init; }

    public string? ServiceAccount { get; init; }

    public string? DataClaim { get; init; }

    public string? PullSecret { get; init; }

    public bool LogShipper { get; init; }

    /// <summary>Serves Prometheus metrics on port 9090 and asks to be scraped.</summary>
    public bool Scraped { get; init; }

    /// <summary>Sends traces to the cluster's OpenTelemetry collector.</summary>
    public bool Traced { get; init; }

    /// <summary>Non-root, read-only root filesystem, no privilege escalation, all capabilities dropped.</summary>
    public bool Hardened { get; init; }

    public bool Privileged { get; init; }

    public ResourceDeclaration Resources { get; init; } = ResourceDeclaration.RequestsAndLimits;

    public string? Schedule { get; init; }

    /// <summary>The labels the workload selects its pods by.</summary>
    public IReadOnlyDictionary<string, string> SelectorLabels => RecommendedLabels
        ? new Dictionary<string, string> { ["app.kubernetes.io/instance"] = Name, ["app.kubernetes.io/name"] = Name }
        : new Dictionary<string, string> { ["app"] = Name };

    /// <summary>The labels on the pod template (and so on every pod).</summary>
    public IReadOnlyDictionary<string, string> PodLabels => RecommendedLabels
        ? new Dictionary<string, string>
        {
            ["app.kubernetes.io/component"] = Component,
            ["app.kubernetes.io/instance"] = Name,
            ["app.kubernetes.io/name"] = Name,
        }
        : new Dictionary<string, string> { ["app"] = Name, ["tier"] = Component };

    /// <summary>The labels on the workload object and the objects that belong to it (services, config).</summary>
    public IReadOnlyDictionary<string, string> ObjectLabels
    {
        get
        {
            if (!RecommendedLabels)
            {
                return new Dictionary<string, string> { ["app"] = Name, ["tier"] = Component, ["version"] = Version };
            }

            var labels = new Dictionary<string, string>
            {
                ["app.kubernetes.io/component"] = Component,
                ["app.kubernetes.io/instance"] = Name,
                ["app.kubernetes.io/name"] = Name,
                ["app.kubernetes.io/part-of"] = Namespace,
                ["app.kubernetes.io/version"] = Version,
            };
            if (HelmRelease is not null)
            {
                labels["app.kubernetes.io/managed-by"] = "Helm";
                labels["helm.sh/chart"] = $"{Name}-{Version}";
            }

            return labels;
        }
    }
}
