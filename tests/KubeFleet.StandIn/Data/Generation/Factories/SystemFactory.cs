using KubeFleet.StandIn.Data.Generation.Kinds;
using KubeFleet.StandIn.Data.Generation.Pods;

namespace KubeFleet.StandIn.Data.Generation.Factories;

/// <summary>
/// What the platform runs before any application arrives: the default namespaces, cluster DNS, kube-proxy
/// and the CNI agent on every node, metrics, on kubeadm clusters the control plane's static pods, and the
/// add-ons (monitoring, the ingress controller, cert-manager where installed).
/// </summary>
internal sealed class SystemFactory(GenerationContext context, ObjectFactory objects, WorkloadFactory workloads, ClaimFactory claims, PodFactory pods)
{
    private readonly AddOnFactory addOns = new(context, objects, workloads, claims);

    private const string SystemClusterCritical = "system-cluster-critical";
    private const string SystemNodeCritical = "system-node-critical";

    private static readonly TolerationModel[] CriticalAddonTolerations =
    [
        new("CriticalAddonsOnly", "Exists", null, null),
        new("node-role.kubernetes.io/control-plane", "Exists", null, "NoSchedule"),
    ];

    /// <summary>Creates the four namespaces every cluster has; returns the UID of kube-system, the cluster's identity.</summary>
    public string CreateNamespaces()
    {
        var created = context.ClusterCreated;
        var kubeSystemUid = context.Entropy.Uid();
        objects.Namespace("default", created);
        objects.Namespace("kube-node-lease", created);
        objects.Namespace("kube-public", created);
        objects.Namespace("kube-system", created, uid: kubeSystemUid);
        objects.Service(new ServiceModel
        {
            Meta = objects.ServiceMeta("default", "kubernetes", created, new Dictionary<string, string> { ["component"] = "apiserver", ["provider"] = "kubernetes" }, "kube-apiserver"),
            Type = "ClusterIP",
            ClusterIp = context.WellKnownServiceIp(1),
            Ports = [new ServicePortModel("https", 443, context.Flavor.HasControlPlaneNodes ? "6443" : "443")],
        });
        objects.ConfigMap("kube-system", "extension-apiserver-authentication", created, new Dictionary<string, string>(), new Dictionary<string, string>
        {
            ["client-ca-file"] = objects.ClusterCertificate(),
            ["requestheader-allowed-names"] = "[\"front-proxy-client\"]",
            ["requestheader-extra-headers-prefix"] = "[\"X-Remote-Extra-\"]",
            ["requestheader-group-headers"] = "[\"X-Remote-Group\"]",
            ["requestheader-username-headers"] = "[\"X-Remote-User\"]",
        }, "kube-apiserver");
        return kubeSystemUid;
    }

    /// <summary>Creates the platform's workloads; returns the address of the ingress controller's load balancer.</summary>
    public string CreateComponents(CertManagerFactory? certManager)
    {
        var installed = context.ClusterCreated.AddMinutes(5);
        CreateDns(installed);
        CreateMetricsServer(installed);
        CreateNodeAgents(installed);
        if (context.Flavor.HasControlPlaneNodes)
        {
            CreateStaticPods();
        }

        addOns.CreateMonitoring(context.ClusterCreated.AddDays(1));
        var address = addOns.CreateIngressController(context.ClusterCreated.AddDays(1));
        if (certManager is not null)
        {
            var certManagerInstalled = context.ClusterCreated.AddDays(2);
            objects.Namespace("cert-manager", certManagerInstalled);
            certManager.Install(certManagerInstalled);
            foreach (var (component, image, port) in new[]
            {
                ("cert-manager", "quay.io/jetstack/cert-manager-controller", 9402),
                ("cainjector", "quay.io/jetstack/cert-manager-cainjector", 9402),
                ("webhook", "quay.io/jetstack/cert-manager-webhook", 10250),
            })
            {
                var name = component == "cert-manager" ? component : "cert-manager-" + component;
                addOns.CreateComponent("cert-manager", name, component, $"{image}:{CertManagerFactory.Version}", port, certManagerInstalled, replicas: 1, hardened: true, manager: "helm");
            }
        }

        return address;
    }

    private void CreateDns(DateTimeOffset installed)
    {
        var labels = new Dictionary<string, string> { ["k8s-app"] = "kube-dns" };
        objects.ServiceAccount("kube-system", "coredns", installed, new Dictionary<string, string>());
        objects.ConfigMap("kube-system", "coredns", installed, new Dictionary<string, string>(), new Dictionary<string, string>
        {
            ["Corefile"] = ".:53 {\n    errors\n    health {\n       lameduck 5s\n    }\n    ready\n    kubernetes cluster.local in-addr.arpa ip6.arpa {\n       pods insecure\n       fallthrough in-addr.arpa ip6.arpa\n       ttl 30\n    }\n    prometheus :9153\n    forward . /etc/resolv.conf {\n       max_concurrent 1000\n    }\n    cache 30\n    loop\n    reload\n    loadbalance\n}\n",
        });
        var container = new ContainerModel
        {
            Name = "coredns",
            Image = context.Flavor.CoreDnsImage,
            Args = ["-conf", "/etc/coredns/Corefile"],
            Ports = [new ContainerPortModel("dns", 53, "UDP"), new ContainerPortModel("dns-tcp", 53), new ContainerPortModel("metrics", 9153)],
            Resources = new ResourcesModel(new Dictionary<string, string> { ["memory"] = "170Mi" }, new Dictionary<string, string> { ["cpu"] = "100m", ["memory"] = "70Mi" }),
            VolumeMounts = [new VolumeMountModel("config-volume", "/etc/coredns", ReadOnly: true)],
            LivenessProbe = new ProbeModel { HttpPath = "/health", Port = "8080", InitialDelaySeconds = 60, FailureThreshold = 5 },
            ReadinessProbe = new ProbeModel { HttpPath = "/ready", Port = "8181" },
            Security = new ContainerSecurityModel { AddCapabilities = ["NET_BIND_SERVICE"], DropCapabilities = ["ALL"], ReadOnlyRootFilesystem = true, AllowPrivilegeEscalation = false },
        };
        var spec = new PodSpecModel
        {
            Volumes = [new VolumeModel("config-volume") { ConfigMapName = "coredns" }],
            Containers = [container],
            DnsPolicy = "Default",
            NodeSelector = new Dictionary<string, string> { ["kubernetes.io/os"] = "linux" },
            ServiceAccountName = "coredns",
            Tolerations = CriticalAddonTolerations,
            PriorityClassName = SystemClusterCritical,
            Priority = 2000000000,
        };
        workloads.Deployment(new WorkloadSpec
        {
            Namespace = "kube-system",
            Name = "coredns",
            Labels = labels,
            Selector = labels,
            Template = _ => new PodTemplate(labels, new Dictionary<string, string>(), spec),
            Replicas = 2,
            Created = installed,
            Manager = "kubeadm",
        });
        objects.Service(new ServiceModel
        {
            Meta = objects.ServiceMeta("kube-system", "kube-dns", installed, new Dictionary<string, string> { ["k8s-app"] = "kube-dns", ["kubernetes.io/cluster-service"] = "true", ["kubernetes.io/name"] = "CoreDNS" }, "kubeadm"),
            Type = "ClusterIP",
            ClusterIp = context.WellKnownServiceIp(10),
            Ports = [new ServicePortModel("dns", 53, "53", Protocol: "UDP"), new ServicePortModel("dns-tcp", 53, "53"), new ServicePortModel("metrics", 9153, "9153")],
            Selector = labels,
        });
    }

    private void CreateMetricsServer(DateTimeOffset installed)
    {
        var labels = new Dictionary<string, string> { ["k8s-app"] = "metrics-server" };
        objects.ServiceAccount("kube-system", "metrics-server", installed, labels);
        var container = new ContainerModel
        {
            Name = "metrics-server",
            Image = "registry.k8s.io/metrics-server/metrics-server:v0.7.2",
            Args = ["--cert-dir=/tmp", "--secure-port=10250", "--kubelet-preferred-address-types=InternalIP,ExternalIP,Hostname", "--kubelet-use-node-status-port", "--metric-resolution=15s"],
            Ports = [new ContainerPortModel("https", 10250)],
            Resources = new ResourcesModel(new Dictionary<string, string>(), new Dictionary<string, string> { ["cpu"] = "100m", ["memory"] = "200Mi" }),
            VolumeMounts = [new VolumeMountModel("tmp-dir", "/tmp")],
            Security = new ContainerSecurityModel { DropCapabilities = ["ALL"], RunAsUser = 1000, RunAsNonRoot = true, ReadOnlyRootFilesystem = true, AllowPrivilegeEscalation = false, SeccompProfile = "RuntimeDefault" },
        };
        var spec = new PodSpecModel
        {
            Volumes = [new VolumeModel("tmp-dir") { EmptyDir = true }],
            Containers = [container],
            NodeSelector = new Dictionary<string, string> { ["kubernetes.io/os"] = "linux" },
            ServiceAccountName = "metrics-server",
            PriorityClassName = SystemClusterCritical,
            Priority = 2000000000,
        };
        workloads.Deployment(new WorkloadSpec
        {
            Namespace = "kube-system",
            Name = "metrics-server",
            Labels = labels,
            Selector = labels,
            Template = _ => new PodTemplate(labels, new Dictionary<string, string>(), spec),
            Created = installed,
        });
        objects.Service(new ServiceModel
        {
            Meta = objects.ServiceMeta("kube-system", "metrics-server", installed, labels),
            Type = "ClusterIP",
            ClusterIp = context.NewServiceIp(),
            Ports = [new ServicePortModel("https", 443, "https")],
            Selector = labels,
        });
    }

    /// <summary>kube-proxy and the CNI agent: privileged, on the host network, on every node.</summary>
    private void CreateNodeAgents(DateTimeOffset installed)
    {
        objects.ConfigMap("kube-system", "kube-proxy", installed, new Dictionary<string, string> { ["app"] = "kube-proxy" }, new Dictionary<string, string>
        {
            ["config.conf"] = "apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nclusterCIDR: 10.244.0.0/16\nmode: iptables\nmetricsBindAddress: 0.0.0.0:10249\n",
        });
        var (agentName, agentImage) = context.Flavor.NetworkAgent;
        foreach (var (name, image, command, volumes) in new (string, string, IReadOnlyList<string>, IReadOnlyList<(string Name, string Path)>)[]
        {
            ("kube-proxy", context.Flavor.KubeProxyImage(context.Version), ["kube-proxy", "--config=/var/lib/kube-proxy/config.conf", "--hostname-override=$(NODE_NAME)"],
                [("xtables-lock", "/run/xtables.lock"), ("lib-modules", "/lib/modules")]),
            (agentName, agentImage, [], [("cni-bin-dir", "/opt/cni/bin"), ("cni-net-dir", "/etc/cni/net.d"), ("log-dir", "/var/log")]),
        })
        {
            var labels = new Dictionary<string, string> { ["k8s-app"] = name };
            objects.ServiceAccount("kube-system", name, installed, new Dictionary<string, string>());
            var container = new ContainerModel
            {
                Name = name,
                Image = image,
                Command = command,
                Env = [new EnvVarModel("NODE_NAME", From: new EnvSourceModel(EnvSourceKind.FieldPath, "", "spec.nodeName"))],
                Resources = new ResourcesModel(new Dictionary<string, string>(), new Dictionary<string, string> { ["cpu"] = name == "kube-proxy" ? "100m" : "25m" }),
                VolumeMounts = volumes.Select(v => new VolumeMountModel(v.Name, v.Path)).ToArray(),
                Security = new ContainerSecurityModel { Privileged = true },
            };
            var spec = new PodSpecModel
            {
                Volumes = volumes.Select(v => new VolumeModel(v.Name) { HostPath = v.Path, HostPathType = v.Name == "xtables-lock" ? "FileOrCreate" : "" }).ToArray(),
                Containers = [container],
                HostNetwork = true,
                NodeSelector = new Dictionary<string, string> { ["kubernetes.io/os"] = "linux" },
                ServiceAccountName = name,
                PriorityClassName = SystemNodeCritical,
                Priority = 2000001000,
            };
            workloads.DaemonSet(new WorkloadSpec
            {
                Namespace = "kube-system",
                Name = name,
                Labels = labels,
                Selector = labels,
                Template = _ => new PodTemplate(labels, new Dictionary<string, string>(), spec),
                Created = installed,
                Manager = "kubeadm",
            });
        }
    }

    /// <summary>kubeadm runs the control plane as static pods; the API server mirrors them with the node as owner.</summary>
    private void CreateStaticPods()
    {
        var node = context.Nodes.First(n => n.ControlPlane);
        var version = context.Version.GitVersion;
        foreach (var (component, image) in new[]
        {
            ("etcd", "registry.k8s.io/etcd:3.5.16-0"),
            ("kube-apiserver", $"registry.k8s.io/kube-apiserver:{version}"),
            ("kube-controller-manager", $"registry.k8s.io/kube-controller-manager:{version}"),
            ("kube-scheduler", $"registry.k8s.io/kube-scheduler:{version}"),
        })
        {
            var labels = new Dictionary<string, string> { ["component"] = component, ["tier"] = "control-plane" };
            var hash = context.Entropy.Hex(32);
            var annotations = new Dictionary<string, string>
            {
                ["kubernetes.io/config.hash"] = hash,
                ["kubernetes.io/config.mirror"] = hash,
                ["kubernetes.io/config.seen"] = node.Created.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'00Z'", System.Globalization.CultureInfo.InvariantCulture),
                ["kubernetes.io/config.source"] = "file",
            };
            var spec = new PodSpecModel
            {
                Volumes = [new VolumeModel("k8s-certs") { HostPath = "/etc/kubernetes/pki", HostPathType = "DirectoryOrCreate" }],
                Containers =
                [
                    new ContainerModel
                    {
                        Name = component,
                        Image = image,
                        Command = [component],
                        Resources = new ResourcesModel(new Dictionary<string, string>(), new Dictionary<string, string> { ["cpu"] = component == "kube-apiserver" ? "250m" : "100m" }),
                        VolumeMounts = [new VolumeMountModel("k8s-certs", "/etc/kubernetes/pki", ReadOnly: true)],
                        LivenessProbe = new ProbeModel { HttpPath = "/livez", Port = component == "etcd" ? "2381" : "10257", InitialDelaySeconds = 10, FailureThreshold = 8 },
                    },
                ],
                HostNetwork = true,
                PriorityClassName = SystemNodeCritical,
                Priority = 2000001000,
                Tolerations = [new TolerationModel(null, "Exists", null, "NoExecute")],
            };
            var template = new PodTemplate(labels, annotations, spec);
            var fields = WorkloadFieldSets.CreatedPod(template, labels, node.Uid, generatedName: false);
            pods.Create(new PodRequest
            {
                Namespace = "kube-system",
                Name = $"{component}-{node.Name}",
                Labels = labels,
                Template = template,
                Owner = new OwnerReference("v1", "Node", node.Name, node.Uid, BlockOwnerDeletion: false),
                CreatedBy = ManagedFieldsEntry.Update("kubelet", "v1", node.Created, fields),
                State = PodState.Running,
                Created = node.Created,
                Node = node,
            });
        }
    }
}
