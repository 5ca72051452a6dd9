using KubeFleet.StandIn.Data.Generation.Kinds;
using KubeFleet.StandIn.Data.Generation.Pods;

namespace KubeFleet.StandIn.Data.Generation.Factories;

/// <summary>
/// The add-ons platform teams install with Helm: monitoring (node-exporter on every node, Prometheus,
/// Grafana), the NGINX ingress controller behind a load balancer, and cert-manager's workloads.
/// </summary>
internal sealed class AddOnFactory(GenerationContext context, ObjectFactory objects, WorkloadFactory workloads, ClaimFactory claims)
{
    public void CreateMonitoring(DateTimeOffset installed)
    {
        objects.Namespace("monitoring", installed, new Dictionary<string, string> { ["team"] = "platform" });
        var exporterLabels = new Dictionary<string, string> { ["app.kubernetes.io/name"] = "node-exporter", ["app.kubernetes.io/part-of"] = "monitoring" };
        objects.ServiceAccount("monitoring", "node-exporter", installed, exporterLabels, "helm");
        var exporter = new PodSpecModel
        {
            Volumes = [new VolumeModel("proc") { HostPath = "/proc" }, new VolumeModel("sys") { HostPath = "/sys" }, new VolumeModel("root") { HostPath = "/" }],
            Containers =
            [
                new ContainerModel
                {
                    Name = "node-exporter",
                    Image = "quay.io/prometheus/node-exporter:v1.8.2",
                    Args = ["--path.procfs=/host/proc", "--path.sysfs=/host/sys", "--path.rootfs=/host/root"],
                    Ports = [new ContainerPortModel("metrics", 9100, HostPort: 9100)],
                    Resources = new ResourcesModel(new Dictionary<string, string> { ["memory"] = "128Mi" }, new Dictionary<string, string> { ["cpu"] = "50m", ["memory"] = "64Mi" }),
                    VolumeMounts = [new VolumeMountModel("proc", "/host/proc", ReadOnly: true), new VolumeMountModel("sys", "/host/sys", ReadOnly: true), new VolumeMountModel("root", "/host/root", ReadOnly: true)],
                    LivenessProbe = new ProbeModel { HttpPath = "/", Port = "9100" },
                },
            ],
            HostNetwork = true,
            HostPid = true,
            ServiceAccountName = "node-exporter",
            Security = new PodSecurityModel { RunAsUser = 65534, RunAsGroup = 65534, RunAsNonRoot = true },
        };
        workloads.DaemonSet(new WorkloadSpec
        {
            Namespace = "monitoring",
            Name = "node-exporter",
            Labels = exporterLabels,
            Selector = exporterLabels,
            Template = _ => new PodTemplate(exporterLabels, new Dictionary<string, string>(), exporter),
            Created = installed,
            Manager = "helm",
        });

        var prometheusLabels = new Dictionary<string, string> { ["app.kubernetes.io/name"] = "prometheus", ["app.kubernetes.io/part-of"] = "monitoring" };
        objects.ServiceAccount("monitoring", "prometheus", installed, prometheusLabels, "helm");
        objects.ConfigMap("monitoring", "prometheus-config", installed, prometheusLabels, new Dictionary<string, string>
        {
            ["prometheus.yml"] = "global:\n  scrape_interval: 30s\nscrape_configs:\n  - job_name: kubernetes-pods\n    kubernetes_sd_configs:\n      - role: pod\n",
        }, "helm");
        var prometheus = new PodSpecModel
        {
            Volumes = [new VolumeModel("config") { ConfigMapName = "prometheus-config" }],
            Containers =
            [
                new ContainerModel
                {
                    Name = "prometheus",
                    Image = "quay.io/prometheus/prometheus:v3.1.0",
                    Args = ["--config.file=/etc/prometheus/prometheus.yml", "--storage.tsdb.path=/prometheus", "--storage.tsdb.retention.time=15d"],
                    Ports = [new ContainerPortModel("web", 9090)],
                    Resources = new ResourcesModel(new Dictionary<string, string> { ["memory"] = "4Gi" }, new Dictionary<string, string> { ["cpu"] = "500m", ["memory"] = "2Gi" }),
                    VolumeMounts = [new VolumeMountModel("config", "/etc/prometheus", ReadOnly: true), new VolumeMountModel("data", "/prometheus")],
                    LivenessProbe = new ProbeModel { HttpPath = "/-/healthy", Port = "web" },
                    ReadinessProbe = new ProbeModel { HttpPath = "/-/ready", Port = "web" },
                },
            ],
            ServiceAccountName = "prometheus",
            Security = new PodSecurityModel { RunAsUser = 65534, RunAsGroup = 65534, RunAsNonRoot = true, FsGroup = 65534 },
        };
        CreateService("monitoring", "prometheus-headless", prometheusLabels, installed, "web", 9090, "web", headless: true);
        workloads.StatefulSet(new WorkloadSpec
        {
            Namespace = "monitoring",
            Name = "prometheus",
            Labels = prometheusLabels,
            Selector = prometheusLabels,
            Template = _ => new PodTemplate(prometheusLabels, new Dictionary<string, string>(), prometheus),
            Created = installed,
            Manager = "helm",
        }, "prometheus-headless", "50Gi", claims);

        objects.Secret("monitoring", "grafana-admin", "Opaque", installed, new Dictionary<string, string> { ["app.kubernetes.io/name"] = "grafana" },
            new Dictionary<string, string> { ["admin-password"] = context.Entropy.NameSuffix(20), ["admin-user"] = "admin" }, manager: "helm");
        CreateComponent("monitoring", "grafana", "dashboards", "docker.io/grafana/grafana:11.4.0", 3000, installed, replicas: 1, hardened: false, manager: "helm");
    }

    public string CreateIngressController(DateTimeOffset installed)
    {
        objects.Namespace("ingress-nginx", installed, new Dictionary<string, string> { ["team"] = "platform" });
        var labels = new Dictionary<string, string>
        {
            ["app.kubernetes.io/component"] = "controller",
            ["app.kubernetes.io/instance"] = "ingress-nginx",
            ["app.kubernetes.io/name"] = "ingress-nginx",
        };
        objects.ServiceAccount("ingress-nginx", "ingress-nginx", installed, labels, "helm");
        objects.ConfigMap("ingress-nginx", "ingress-nginx-controller", installed, labels, new Dictionary<string, string> { ["allow-snippet-annotations"] = "false" }, "helm");
        var container = new ContainerModel
        {
            Name = "controller",
            Image = "registry.k8s.io/ingress-nginx/controller:v1.12.0",
            Args = ["/nginx-ingress-controller", "--publish-service=$(POD_NAMESPACE)/ingress-nginx-controller", "--election-id=ingress-nginx-leader", "--controller-class=k8s.io/ingress-nginx", "--ingress-class=nginx", "--configmap=$(POD_NAMESPACE)/ingress-nginx-controller"],
            Ports = [new ContainerPortModel("http", 80), new ContainerPortModel("https", 443), new ContainerPortModel("webhook", 8443)],
            Env =
            [
                new EnvVarModel("POD_NAME", From: new EnvSourceModel(EnvSourceKind.FieldPath, "", "metadata.name")),
                new EnvVarModel("POD_NAMESPACE", From: new EnvSourceModel(EnvSourceKind.FieldPath, "", "metadata.namespace")),
            ],
            Resources = new ResourcesModel(new Dictionary<string, string>(), new Dictionary<string, string> { ["cpu"] = "100m", ["memory"] = "90Mi" }),
            LivenessProbe = new ProbeModel { HttpPath = "/healthz", Port = "10254", InitialDelaySeconds = 10, FailureThreshold = 5 },
            ReadinessProbe = new ProbeModel { HttpPath = "/healthz", Port = "10254", InitialDelaySeconds = 10 },
            Security = new ContainerSecurityModel { AddCapabilities = ["NET_BIND_SERVICE"], DropCapabilities = ["ALL"], RunAsUser = 101, RunAsNonRoot = true, AllowPrivilegeEscalation = true, SeccompProfile = "RuntimeDefault" },
        };
        var spec = new PodSpecModel
        {
            Containers = [container],
            TerminationGracePeriodSeconds = 300,
            NodeSelector = new Dictionary<string, string> { ["kubernetes.io/os"] = "linux" },
            ServiceAccountName = "ingress-nginx",
        };
        workloads.Deployment(new WorkloadSpec
        {
            Namespace = "ingress-nginx",
            Name = "ingress-nginx-controller",
            Labels = labels,
            Selector = labels,
            Template = _ => new PodTemplate(labels, new Dictionary<string, string>(), spec),
            Replicas = 2,
            Created = installed,
            Manager = "helm",
        });
        var address = context.Flavor.LoadBalancerAddress(context.Entropy);
        var isIp = char.IsDigit(address[0]);
        objects.Service(new ServiceModel
        {
            Meta = objects.ServiceMeta("ingress-nginx", "ingress-nginx-controller", installed, labels, "helm"),
            Type = "LoadBalancer",
            ClusterIp = context.NewServiceIp(),
            Ports = [new ServicePortModel("http", 80, "http", context.Entropy.Int(30000, 32768)), new ServicePortModel("https", 443, "https", context.Entropy.Int(30000, 32768))],
            Selector = labels,
            LoadBalancerIp = isIp ? address : null,
            LoadBalancerHostname = isIp ? null : address,
        });
        CreateService("ingress-nginx", "ingress-nginx-controller-admission", labels, installed, "https-webhook", 443, "webhook", headless: false);
        return address;
    }

    public void CreateComponent(string ns, string name, string component, string image, int port, DateTimeOffset installed, int replicas, bool hardened, string manager)
    {
        var labels = new Dictionary<string, string>
        {
            ["app.kubernetes.io/component"] = component,
            ["app.kubernetes.io/instance"] = ns,
            ["app.kubernetes.io/name"] = name,
        };
        objects.ServiceAccount(ns, name, installed, labels, manager);
        var spec = new PodSpecModel
        {
            Containers =
            [
                new ContainerModel
                {
                    Name = name,
                    Image = image,
                    Ports = [new ContainerPortModel("http", port)],
                    Env = [new EnvVarModel("POD_NAMESPACE", From: new EnvSourceModel(EnvSourceKind.FieldPath, "", "metadata.namespace"))],
                    Resources = new ResourcesModel(new Dictionary<string, string>(), new Dictionary<string, string> { ["cpu"] = "10m", ["memory"] = "64Mi" }),
                    LivenessProbe = new ProbeModel { HttpPath = "/livez", Port = "http", InitialDelaySeconds = 10 },
                    Security = hardened ? new ContainerSecurityModel { DropCapabilities = ["ALL"], ReadOnlyRootFilesystem = true, AllowPrivilegeEscalation = false } : null,
                },
            ],
            ServiceAccountName = name,
            Security = hardened ? new PodSecurityModel { RunAsNonRoot = true, SeccompProfile = "RuntimeDefault" } : PodSecurityModel.None,
        };
        workloads.Deployment(new WorkloadSpec
        {
            Namespace = ns,
            Name = name,
            Labels = labels,
            Selector = labels,
            Template = _ => new PodTemplate(labels, new Dictionary<string, string>(), spec),
            Replicas = replicas,
            Created = installed,
            Manager = manager,
        });
        CreateService(ns, name, labels, installed, "http", port, "http", headless: false);
    }

    private void CreateService(string ns, string name, IReadOnlyDictionary<string, string> selector, DateTimeOffset created, string portName, int port, string targetPort, bool headless)
    {
        objects.Service(new ServiceModel
        {
            Meta = objects.ServiceMeta(ns, name, created, selector, "helm"),
            Type = "ClusterIP",
            ClusterIp = headless ? "None" : context.NewServiceIp(),
            Ports = [new ServicePortModel(portName, port, targetPort)],
            Selector = selector,
        });
    }
}
