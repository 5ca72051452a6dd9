namespace KubeFleet.StandIn.Data.Generation.Pods;

/// <summary>What a workload stamps its pods from: labels, annotations and the pod spec.</summary>
internal sealed record PodTemplate(IReadOnlyDictionary<string, string> Labels, IReadOnlyDictionary<string, string> Annotations, PodSpecModel Spec);

/// <summary>The pod spec fields the generator varies; the rest are the API server's defaults.</summary>
internal sealed record PodSpecModel
{
    public IReadOnlyList<VolumeModel> Volumes { get; init; } = [];

    public IReadOnlyList<ContainerModel> InitContainers { get; init; } = [];

    public required IReadOnlyList<ContainerModel> Containers { get; init; }

    /// <summary><c>Always</c> for long-running workloads, <c>OnFailure</c>/<c>Never</c> for jobs.</summary>
    public string RestartPolicy { get; init; } = "Always";

    public int TerminationGracePeriodSeconds { get; init; } = 30;

    public string DnsPolicy { get; init; } = "ClusterFirst";

    public IReadOnlyDictionary<string, string> NodeSelector { get; init; } = new Dictionary<string, string>();

    public string ServiceAccountName { get; init; } = "default";

    public bool HostNetwork { get; init; }

    public bool HostPid { get; init; }

    public PodSecurityModel Security { get; init; } = PodSecurityModel.None;

    public IReadOnlyList<string> ImagePullSecrets { get; init; } = [];

    public IReadOnlyList<TolerationModel> Tolerations { get; init; } = [];

    public string? PriorityClassName { get; init; }

    /// <summary>Set by the priority admission plugin from <see cref="PriorityClassName"/>.</summary>
    public int Priority { get; init; }

    /// <summary>The QoS class the API server derives from the containers' requests and limits.</summary>
    public string QosClass => qosClass ??= DeriveQosClass();

    private string? qosClass;

    private string DeriveQosClass()
    {
        var containers = InitContainers.Concat(Containers).ToArray();
        if (containers.All(c => c.Resources.IsEmpty))
        {
            return "BestEffort";
        }

        var guaranteed = containers.All(c =>
            c.Resources.Limits.ContainsKey("cpu") && c.Resources.Limits.ContainsKey("memory") &&
            c.Resources.Requests.All(r => c.Resources.Limits.TryGetValue(r.Key, out var limit) && limit == r.Value));
        return guaranteed ? "Guaranteed" : "Burstable";
    }
}

internal sealed record ContainerModel
{
    public required string Name { get; init; }

    public required string Image { get; init; }

    public IReadOnlyList<string> Command { get; init; } = [];

    public IReadOnlyList<string> Args { get; init; } = [];

    public IReadOnlyList<ContainerPortModel> Ports { get; init; } = [];

    public IReadOnlyList<EnvFromModel> EnvFrom { get; init; } = [];

    public IReadOnlyList<EnvVarModel> Env { get; init; } = [];

    public ResourcesModel Resources { get; init; } = ResourcesModel.None;

    public IReadOnlyList<VolumeMountModel> VolumeMounts { get; init; } = [];

    public ProbeModel? LivenessProbe { get; init; }

    public ProbeModel? ReadinessProbe { get; init; }

    public ContainerSecurityModel? Security { get; init; }

    /// <summary>The API server's default: <c>Always</c> for <c>:latest</c> or untagged images.</summary>
    public string ImagePullPolicy
    {
        get
        {
            var lastSegment = Image[(Image.LastIndexOf('/') + 1)..];
            return !lastSegment.Contains(':') || lastSegment.EndsWith(":latest", StringComparison.Ordinal) ? "Always" : "IfNotPresent";
        }
    }
}

internal sealed record ContainerPortModel(string? Name, int ContainerPort, string Protocol = "TCP", int? HostPort = null);

/// <summary><c>envFrom</c>: every key of a ConfigMap (<c>configMapRef</c>) or Secret (<c>secretRef</c>).</summary>
internal sealed record EnvFromModel(bool FromSecret, string Name);

/// <summary>An environment variable: a literal value, or a reference to a Secret key, ConfigMap key or pod field.</summary>
internal sealed record EnvVarModel(string Name, string? Value = null, EnvSourceModel? From = null);

internal sealed record EnvSourceModel(EnvSourceKind Kind, string Name, string Key);

internal enum EnvSourceKind
{
    SecretKey,
    ConfigMapKey,
    FieldPath,
}

internal sealed record ResourcesModel(IReadOnlyDictionary<string, string> Limits, IReadOnlyDictionary<string, string> Requests)
{
    public static readonly ResourcesModel None = new(new Dictionary<string, string>(), new Dictionary<string, string>());

    public bool IsEmpty => Limits.Count == 0 && Requests.Count == 0;
}

internal sealed record VolumeMountModel(string Name, string MountPath, bool ReadOnly = false, string? SubPath = null);

/// <summary>A probe: an HTTP GET (path and port), a TCP socket (port only) or a command.</summary>
internal sealed record ProbeModel
{
    public string? HttpPath { get; init; }

    /// <summary>A port number or a named container port.</summary>
    public string? Port { get; init; }

    public IReadOnlyList<string> Command { get; init; } = [];

    public int InitialDelaySeconds { get; init; }

    public int PeriodSeconds { get; init; } = 10;

    public int FailureThreshold { get; init; } = 3;
}

internal sealed record ContainerSecurityModel
{
    public IReadOnlyList<string> AddCapabilities { get; init; } = [];

    public IReadOnlyList<string> DropCapabilities { get; init; } = [];

    public bool? Privileged { get; init; }

    public long? RunAsUser { get; init; }

    public bool? RunAsNonRoot { get; init; }

    public bool? ReadOnlyRootFilesystem { get; init; }

    public bool? AllowPrivilegeEscalation { get; init; }

    public string? SeccompProfile { get; init; }
}

internal sealed record PodSecurityModel
{
    public static readonly PodSecurityModel None = new();

    public long? RunAsUser { get; init; }

    public long? RunAsGroup { get; init; }

    public bool? RunAsNonRoot { get; init; }

    public long? FsGroup { get; init; }

    public string? SeccompProfile { get; init; }
}

internal sealed record TolerationModel(string? Key, string Operator, string? Value, string? Effect, long? TolerationSeconds = null);

/// <summary>A pod volume; exactly one source is set.</summary>
internal sealed record VolumeModel(string Name)
{
    public string? SecretName { get; init; }

    public string? ConfigMapName { get; init; }

    public string? ClaimName { get; init; }

    public string? HostPath { get; init; }

    public string? HostPathType { get; init; }

    public bool EmptyDir { get; init; }

    /// <summary>The service account token volume admission adds to every pod (<c>kube-api-access-xxxxx</c>).</summary>
    public bool ServiceAccountToken { get; init; }
}
