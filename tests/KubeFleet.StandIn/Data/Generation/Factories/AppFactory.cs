using System.Globalization;
using KubeFleet.StandIn.Data.Generation.Kinds;
using KubeFleet.StandIn.Data.Json;

namespace KubeFleet.StandIn.Data.Generation.Factories;

/// <summary>
/// Fills an application namespace with what teams deploy, until its share of the cluster's pods is used:
/// mostly Deployments, some StatefulSets, scheduled and one-off Jobs, each with its config, secrets,
/// identity, storage, service, disruption budget and, for one user-facing service, an ingress.
/// </summary>
internal sealed class AppFactory(GenerationContext context, ObjectFactory objects, WorkloadFactory workloads, BatchFactory batch, ClaimFactory claims, CertManagerFactory? certManager)
{
    public void Populate(string ns, int podBudget, DateTimeOffset created, string ingressAddress)
    {
        var entropy = context.Entropy;
        var team = entropy.Pick(AppNames.Teams);
        var labels = new Dictionary<string, string> { ["team"] = team };
        if (entropy.Chance(0.3))
        {
            labels["pod-security.kubernetes.io/enforce"] = entropy.Pick<string>(["baseline", "restricted"]);
        }

        objects.Namespace(ns, created, labels);
        string? pullSecret = null;
        if (entropy.Chance(0.4))
        {
            pullSecret = "regcred";
            objects.Secret(ns, pullSecret, "kubernetes.io/dockerconfigjson", created.AddMinutes(2), new Dictionary<string, string>(),
                new Dictionary<string, string> { [".dockerconfigjson"] = $"{{\"auths\":{{\"registry.example.com\":{{\"username\":\"ci-{ns}\",\"password\":\"{entropy.Hex(40)}\",\"auth\":\"{entropy.Hex(48)}\"}}}}}}" });
        }

        var used = new HashSet<string>();
        var remaining = podBudget;
        var exposed = false;
        while (remaining > 0)
        {
            var appCreated = context.Between(created.AddHours(1), context.Now.AddHours(-2));
            var kind = PickKind(remaining);
            var app = Profile(ns, kind, remaining, used, pullSecret);
            remaining -= CreateApp(app, appCreated, remaining);
            if (!exposed && kind == AppKind.Deployment && AppNames.FacesUsers(app.Name) && entropy.Chance(0.7))
            {
                Expose(app, appCreated.AddMinutes(5), ingressAddress);
                exposed = true;
            }
        }
    }

    private AppKind PickKind(int remaining)
    {
        var entropy = context.Entropy;
        if (remaining >= BatchFactory.RunsKept && entropy.Chance(0.07))
        {
            return AppKind.CronJob;
        }

        return entropy.Weighted<AppKind>([(AppKind.Deployment, 0.86), (AppKind.StatefulSet, 0.1), (AppKind.Job, 0.04)]);
    }

    private AppProfile Profile(string ns, AppKind kind, int remaining, HashSet<string> used, string? pullSecret)
    {
        var entropy = context.Entropy;
        var version = $"{entropy.Int(1, 4)}.{entropy.Int(0, 40)}.{entropy.Int(0, 13)}";
        string name;
        string image;
        var port = 8080;
        string component;
        switch (kind)
        {
            case AppKind.StatefulSet:
                var stateful = entropy.Pick(AppNames.Stateful);
                name = Unique(stateful.Name, used);
                (image, port, component) = (stateful.Image, stateful.Port, stateful.Component);
                version = stateful.Image[(stateful.Image.LastIndexOf(':') + 1)..];
                break;
            case AppKind.CronJob or AppKind.Job:
                name = Unique(entropy.Pick(kind == AppKind.CronJob ? AppNames.CronJobs : AppNames.Jobs), used);
                component = "job";
                image = entropy.Chance(0.15) ? entropy.Pick(AppNames.UnpinnedBatchImages) : $"registry.example.com/{ns}/{name}:{version}";
                break;
            default:
                name = Unique(entropy.Pick(AppNames.Services), used);
                component = AppNames.Component(name);
                image = entropy.Chance(0.04) ? $"registry.example.com/{ns}/{name}:latest" : $"registry.example.com/{ns}/{name}:{version}";
                break;
        }

        var replicas = kind switch
        {
            AppKind.CronJob => BatchFactory.RunsKept,
            AppKind.Job => 1,
            AppKind.StatefulSet => Math.Min(remaining, entropy.Weighted<int>([(1, 0.4), (3, 0.5), (2, 0.1)])),
            _ => Math.Min(remaining, entropy.Weighted<int>([(1, 0.25), (2, 0.3), (3, 0.25), (entropy.Int(4, 7), 0.12), (entropy.Int(8, 41), 0.08)])),
        };
        var hardened = entropy.Chance(0.45);
        var privateImage = image.StartsWith("registry.example.com/", StringComparison.Ordinal);
        return new AppProfile
        {
            Namespace = ns,
            Name = name,
            Kind = kind,
            Replicas = replicas,
            Health = kind is AppKind.CronJob or AppKind.Job
                ? AppHealth.Healthy
                : entropy.Weighted<AppHealth>([(AppHealth.Healthy, 0.9), (AppHealth.Degraded, 0.04), (AppHealth.CrashLooping, 0.025), (AppHealth.ImagePullFailing, 0.015), (AppHealth.Starved, 0.02)]),
            Image = image,
            Version = version,
            Port = port,
            Component = component,
            RecommendedLabels = entropy.Chance(0.65),
            HelmRelease = entropy.Chance(0.4) ? name : null,
            ConfigMap = entropy.Chance(0.6) ? name + "-config" : null,
            Secret = component == "database" || entropy.Chance(0.5) ? name + "-secrets" : null,
            ServiceAccount = entropy.Chance(0.45) ? name : null,
            DataClaim = kind == AppKind.Deployment && entropy.Chance(0.08) ? name + "-data" : null,
            PullSecret = privateImage ? pullSecret : null,
            // A log shipper mounts the node's /var/log: teams that harden their pods ship logs another way.
            LogShipper = !hardened && kind is AppKind.Deployment or AppKind.CronJob && entropy.Chance(0.2),
            Traced = entropy.Chance(0.5),
            Scraped = kind is AppKind.Deployment or AppKind.StatefulSet && entropy.Chance(0.5),
            Hardened = hardened,
            Privileged = !hardened && entropy.Chance(0.05),
            Resources = entropy.Weighted<ResourceDeclaration>([(ResourceDeclaration.RequestsAndLimits, 0.75), (ResourceDeclaration.RequestsOnly, 0.18), (ResourceDeclaration.Nothing, 0.07)]),
        };
    }

    /// <summary>Creates everything of one application; returns how many pods it took.</summary>
    private int CreateApp(AppProfile app, DateTimeOffset created, int remaining)
    {
        var entropy = context.Entropy;
        var labels = app.ObjectLabels;
        if (app.ConfigMap is { } configMap)
        {
            objects.ConfigMap(app.Namespace, configMap, created, labels, new Dictionary<string, string>
            {
                ["LOG_LEVEL"] = "info",
                ["app.yaml"] = $"server:\n  port: {app.Port}\n  readTimeout: 5s\n  writeTimeout: 10s\nmetrics:\n  enabled: true\n  path: /metrics\n",
                ["feature-flags"] = "search=true,recommendations=" + (entropy.Chance(0.5) ? "true" : "false"),
            });
        }

        if (app.Secret is { } secret)
        {
            objects.Secret(app.Namespace, secret, "Opaque", created, labels, new Dictionary<string, string>
            {
                ["api-key"] = entropy.Hex(32),
                ["database-password"] = entropy.NameSuffix(24),
                ["database-url"] = $"postgres://{app.Name}@postgres.{app.Namespace}.svc:5432/{app.Name.Replace('-', '_')}",
            });
        }

        if (app.ServiceAccount is { } serviceAccount)
        {
            CreateServiceAccount(app, serviceAccount, created, labels);
        }

        if (app.HelmRelease is { } release)
        {
            var revision = entropy.Int(1, 12);
            objects.Secret(app.Namespace, $"sh.helm.release.v1.{release}.v{revision}", "helm.sh/release.v1", created,
                new Dictionary<string, string> { ["modifiedAt"] = created.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), ["name"] = release, ["owner"] = "helm", ["status"] = "deployed", ["version"] = revision.ToString(CultureInfo.InvariantCulture) },
                new Dictionary<string, string> { ["release"] = "H4sIAAAAAAAC/" + entropy.Hex(1400) }, manager: "helm");
        }

        if (app.DataClaim is { } claim)
        {
            claims.Create(app.Namespace, claim, "10Gi", labels, created, bound: true);
        }

        var annotations = TemplateAnnotations(app);
        var manager = app.HelmRelease is null ? "kubectl-client-side-apply" : "helm";
        var workloadAnnotations = app.HelmRelease is { } helm
            ? new Dictionary<string, string> { ["meta.helm.sh/release-name"] = helm, ["meta.helm.sh/release-namespace"] = app.Namespace }
            : new Dictionary<string, string>();
        var spec = new WorkloadSpec
        {
            Namespace = app.Namespace,
            Name = app.Name,
            Labels = labels,
            Annotations = workloadAnnotations,
            Selector = app.SelectorLabels,
            Template = rolloutsBack => TemplateFactory.Build(app, ImageOfRollout(app, rolloutsBack), annotations),
            Replicas = app.Replicas,
            Health = app.Health,
            Evicted = app.Health == AppHealth.Healthy && app.Kind == AppKind.Deployment && remaining > app.Replicas && entropy.Chance(0.03) ? 1 : 0,
            Created = created,
            Manager = manager,
        };

        switch (app.Kind)
        {
            case AppKind.CronJob:
                batch.CronJob(app, created, TemplateFactory.Build(app, app.Image, annotations));
                return BatchFactory.RunsKept;
            case AppKind.Job:
                batch.Job(app, created, TemplateFactory.Build(app, app.Image, annotations));
                return 1;
            case AppKind.StatefulSet:
                var headless = app.Name + "-headless";
                CreateService(app, headless, created, headless: true);
                CreateService(app, app.Name, created, headless: false);
                var stateful = workloads.StatefulSet(spec, headless, app.Component == "cache" ? "8Gi" : "50Gi", claims);
                CreateBudget(app, created, stateful, 0.7);
                return app.Replicas;
            default:
                CreateService(app, app.Name, created, headless: false);
                var deployment = workloads.Deployment(spec);
                CreateBudget(app, created, deployment, 0.5);
                return app.Replicas + spec.Evicted;
        }
    }

    private void CreateServiceAccount(AppProfile app, string name, DateTimeOffset created, IReadOnlyDictionary<string, string> labels)
    {
        var entropy = context.Entropy;
        if (!entropy.Chance(0.2))
        {
            objects.ServiceAccount(app.Namespace, name, created, labels);
            return;
        }

        var tokenSecret = $"{name}-token-{entropy.NameSuffix(5)}";
        var uid = objects.ServiceAccount(app.Namespace, name, created, labels, secrets: [tokenSecret]);
        objects.Secret(app.Namespace, tokenSecret, "kubernetes.io/service-account-token", created.AddSeconds(1), new Dictionary<string, string>(),
            new Dictionary<string, string>
            {
                ["ca.crt"] = objects.ClusterCertificate(),
                ["namespace"] = app.Namespace,
                ["token"] = "eyJhbGciOiJSUzI1NiIsImtpZCI6I" + entropy.NameSuffix(40) + "." + entropy.Hex(220) + "." + entropy.Hex(340),
            },
            new Dictionary<string, string> { ["kubernetes.io/service-account.name"] = name, ["kubernetes.io/service-account.uid"] = uid },
            manager: "kube-controller-manager");
    }

    private void CreateService(AppProfile app, string name, DateTimeOffset created, bool headless)
    {
        var port = app.Kind == AppKind.StatefulSet ? app.Port : 80;
        objects.Service(new ServiceModel
        {
            Meta = objects.ServiceMeta(app.Namespace, name, created, app.ObjectLabels, app.HelmRelease is null ? "kubectl-client-side-apply" : "helm"),
            Type = "ClusterIP",
            ClusterIp = headless ? "None" : context.NewServiceIp(),
            Ports = [new ServicePortModel(app.Kind == AppKind.StatefulSet ? app.Component : "http", port, app.Kind == AppKind.StatefulSet ? app.Port.ToString(CultureInfo.InvariantCulture) : "http")],
            Selector = app.SelectorLabels,
        });
    }

    private void CreateBudget(AppProfile app, DateTimeOffset created, WorkloadOutcome outcome, double probability)
    {
        if (app.Replicas >= 2 && context.Entropy.Chance(probability))
        {
            objects.DisruptionBudget(app.Namespace, app.Name, created, app.ObjectLabels, app.SelectorLabels, outcome.Pods, outcome.Ready);
        }
    }

    private void Expose(AppProfile app, DateTimeOffset created, string ingressAddress)
    {
        var host = $"{app.Name}.{app.Namespace}.example.com";
        var tlsSecret = app.Name + "-tls";
        var ingressUid = objects.Ingress(app.Namespace, app.Name, created, app.ObjectLabels, host, "http", tlsSecret, ingressAddress, certManager is not null);
        var issued = certManager?.Certificate(app.Namespace, tlsSecret, host, ingressUid, app.Name, created) ?? true;
        if (issued)
        {
            var annotations = certManager is null
                ? new Dictionary<string, string>()
                : new Dictionary<string, string>
                {
                    ["cert-manager.io/certificate-name"] = tlsSecret,
                    ["cert-manager.io/common-name"] = host,
                    ["cert-manager.io/issuer-kind"] = "ClusterIssuer",
                    ["cert-manager.io/issuer-name"] = "letsencrypt-prod",
                };
            objects.Secret(app.Namespace, tlsSecret, "kubernetes.io/tls", created.AddMinutes(1), new Dictionary<string, string>(),
                new Dictionary<string, string> { ["tls.crt"] = objects.ClusterCertificate(), ["tls.key"] = "-----BEGIN RSA PRIVATE KEY-----\n" + context.Entropy.Hex(1600) + "\n-----END RSA PRIVATE KEY-----\n" },
                annotations, certManager is null ? "kubectl-client-side-apply" : "cert-manager-certificates-issuing");
        }
    }

    private IReadOnlyDictionary<string, string> TemplateAnnotations(AppProfile app)
    {
        var entropy = context.Entropy;
        var annotations = new Dictionary<string, string>();
        if (app.Scraped)
        {
            annotations["prometheus.io/port"] = "9090";
            annotations["prometheus.io/scrape"] = "true";
        }

        if (app.HelmRelease is not null && app.ConfigMap is not null)
        {
            annotations["checksum/config"] = entropy.Hex(64);
        }

        if (app.Kind == AppKind.Deployment && entropy.Chance(0.15))
        {
            annotations["kubectl.kubernetes.io/restartedAt"] = KubeJson.Time(context.Between(context.Now.AddDays(-30), context.Now));
        }

        return annotations;
    }

    /// <summary>
    /// The image of the rollout <paramref name="rolloutsBack"/> before the current one: older rollouts ran older
    /// minor releases, and a failing rollout points at a tag that was never pushed.
    /// </summary>
    private static string ImageOfRollout(AppProfile app, int rolloutsBack)
    {
        var colon = app.Image.LastIndexOf(':');
        var parts = app.Version.Split('.');
        if (app.Kind != AppKind.Deployment || colon < 0 || app.Image.EndsWith(":latest", StringComparison.Ordinal) || parts.Length != 3)
        {
            return app.Image;
        }

        var repository = app.Image[..(colon + 1)];
        if (rolloutsBack == 0)
        {
            return app.Health == AppHealth.ImagePullFailing ? repository + app.Version + "-rc.1" : app.Image;
        }

        var minor = Math.Max(0, int.Parse(parts[1], CultureInfo.InvariantCulture) - rolloutsBack);
        return $"{repository}{parts[0]}.{minor}.{parts[2]}";
    }

    private static string Unique(string name, HashSet<string> used)
    {
        var candidate = name;
        for (var n = 2; !used.Add(candidate); n++)
        {
            candidate = $"{name}-{n}";
        }

        return candidate;
    }
}
