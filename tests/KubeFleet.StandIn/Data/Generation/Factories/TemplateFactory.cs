using KubeFleet.StandIn.Data.Generation.Pods;

namespace KubeFleet.StandIn.Data.Generation.Factories;

/// <summary>
/// Builds an application's pod template from its profile: the main container with its config, secrets,
/// probes, resources and security settings, and a log shipper where the team runs one.
/// </summary>
internal static class TemplateFactory
{
    private const string LogShipperImage = "cr.fluentbit.io/fluent/fluent-bit:3.2.4";

    public static PodTemplate Build(AppProfile app, string image, IReadOnlyDictionary<string, string> annotations)
    {
        var volumes = new List<VolumeModel>();
        var mounts = new List<VolumeMountModel>();
        if (app.ConfigMap is { } configMap)
        {
            volumes.Add(new VolumeModel("config") { ConfigMapName = configMap });
            mounts.Add(new VolumeMountModel("config", $"/etc/{app.Name}", ReadOnly: true));
        }

        if (app.Secret is { } secret && app.Kind != AppKind.CronJob)
        {
            volumes.Add(new VolumeModel("credentials") { SecretName = secret });
            mounts.Add(new VolumeMountModel("credentials", $"/var/run/secrets/{app.Name}", ReadOnly: true));
        }

        if (app.Hardened)
        {
            volumes.Add(new VolumeModel("tmp") { EmptyDir = true });
            mounts.Add(new VolumeMountModel("tmp", "/tmp"));
        }

        if (app.DataClaim is { } claim)
        {
            volumes.Add(new VolumeModel("data") { ClaimName = claim });
            mounts.Add(new VolumeMountModel("data", DataPath(app)));
        }
        else if (app.Kind == AppKind.StatefulSet)
        {
            mounts.Add(new VolumeMountModel("data", DataPath(app)));
        }

        var containers = new List<ContainerModel> { MainContainer(app, image, mounts) };
        if (app.LogShipper)
        {
            volumes.Add(new VolumeModel("varlog") { HostPath = "/var/log", HostPathType = "" });
            containers.Add(new ContainerModel
            {
                Name = "log-shipper",
                Image = LogShipperImage,
                Resources = Resources("20m", "32Mi", "64Mi", ResourceDeclaration.RequestsAndLimits),
                VolumeMounts = [new VolumeMountModel("varlog", "/var/log", ReadOnly: true)],
            });
        }

        var batch = app.Kind is AppKind.CronJob or AppKind.Job;
        var spec = new PodSpecModel
        {
            Volumes = volumes,
            Containers = containers,
            RestartPolicy = batch ? (app.Kind == AppKind.CronJob ? "OnFailure" : "Never") : "Always",
            TerminationGracePeriodSeconds = app.Kind == AppKind.StatefulSet ? 60 : 30,
            ServiceAccountName = app.ServiceAccount ?? "default",
            Security = app.Hardened
                ? new PodSecurityModel { RunAsUser = 10001, RunAsGroup = 10001, RunAsNonRoot = true, FsGroup = 10001, SeccompProfile = "RuntimeDefault" }
                : PodSecurityModel.None,
            ImagePullSecrets = app.PullSecret is { } pullSecret ? [pullSecret] : [],
        };
        return new PodTemplate(app.PodLabels, annotations, spec);
    }

    private static ContainerModel MainContainer(AppProfile app, string image, IReadOnlyList<VolumeMountModel> mounts)
    {
        var env = new List<EnvVarModel>
        {
            new("LOG_LEVEL", "info"),
            new("POD_NAME", From: new EnvSourceModel(EnvSourceKind.FieldPath, "", "metadata.name")),
            new("POD_NAMESPACE", From: new EnvSourceModel(EnvSourceKind.FieldPath, "", "metadata.namespace")),
        };
        if (app.Traced)
        {
            env.Add(new EnvVarModel("OTEL_EXPORTER_OTLP_ENDPOINT", "http://otel-collector.monitoring.svc:4317"));
        }
        if (app.Secret is { } secret)
        {
            env.Add(new EnvVarModel("DATABASE_PASSWORD", From: new EnvSourceModel(EnvSourceKind.SecretKey, secret, "database-password")));
        }

        if (app.ConfigMap is { } configMap)
        {
            env.Add(new EnvVarModel("FEATURE_FLAGS", From: new EnvSourceModel(EnvSourceKind.ConfigMapKey, configMap, "feature-flags")));
        }

        var serving = app.Kind is AppKind.Deployment or AppKind.StatefulSet;
        var (cpu, memory, memoryLimit) = app.Component switch
        {
            "database" => ("500m", "1Gi", "2Gi"),
            "cache" => ("100m", "256Mi", "512Mi"),
            "job" => ("200m", "256Mi", "512Mi"),
            _ => ("100m", "128Mi", "256Mi"),
        };
        return new ContainerModel
        {
            Name = app.Name,
            Image = image,
            Args = app.Kind == AppKind.CronJob ? ["--run-once", "--report=" + app.Name] : [],
            Ports = !serving ? [] : app.Scraped ? [new ContainerPortModel("http", app.Port), new ContainerPortModel("metrics", 9090)] : [new ContainerPortModel("http", app.Port)],
            Env = env,
            Resources = Resources(cpu, memory, memoryLimit, app.Resources),
            VolumeMounts = mounts,
            LivenessProbe = serving ? new ProbeModel { HttpPath = "/healthz", Port = "http", InitialDelaySeconds = 10, PeriodSeconds = 20 } : null,
            ReadinessProbe = serving ? new ProbeModel { HttpPath = "/ready", Port = "http", PeriodSeconds = 10 } : null,
            Security = app.Privileged
                ? new ContainerSecurityModel { Privileged = true }
                : app.Hardened
                    ? new ContainerSecurityModel
                    {
                        DropCapabilities = ["ALL"],
                        RunAsNonRoot = true,
                        ReadOnlyRootFilesystem = true,
                        AllowPrivilegeEscalation = false,
                        SeccompProfile = "RuntimeDefault",
                    }
                    : null,
        };
    }

    private static ResourcesModel Resources(string cpu, string memory, string memoryLimit, ResourceDeclaration declaration) => declaration switch
    {
        ResourceDeclaration.Nothing => ResourcesModel.None,
        ResourceDeclaration.RequestsOnly => new ResourcesModel(new Dictionary<string, string>(), new Dictionary<string, string> { ["cpu"] = cpu, ["memory"] = memory }),
        _ => new ResourcesModel(
            new Dictionary<string, string> { ["memory"] = memoryLimit },
            new Dictionary<string, string> { ["cpu"] = cpu, ["memory"] = memory }),
    };

    private static string DataPath(AppProfile app) => $"/var/lib/{app.Name}";
}
