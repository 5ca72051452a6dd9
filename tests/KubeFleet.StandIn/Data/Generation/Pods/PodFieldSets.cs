namespace KubeFleet.StandIn.Data.Generation.Pods;

/// <summary>
/// The managedFields of pods and pod templates: which fields the creating controller owns, and which status
/// fields the kubelet (or scheduler) owns.
/// </summary>
internal static class PodFieldSets
{
    /// <summary>The fields a controller (or a user applying a manifest) owns in a pod template's spec.</summary>
    public static void AddSpec(FieldSet spec, PodSpecModel model)
    {
        var containers = spec.F("containers");
        foreach (var container in model.Containers)
        {
            AddContainer(containers.K("name", container.Name), container);
        }

        if (model.InitContainers.Count > 0)
        {
            var init = spec.F("initContainers");
            foreach (var container in model.InitContainers)
            {
                AddContainer(init.K("name", container.Name), container);
            }
        }

        spec.Leaves("dnsPolicy", "restartPolicy", "schedulerName", "securityContext", "terminationGracePeriodSeconds");
        if (model.ServiceAccountName != "default")
        {
            spec.Leaves("serviceAccount", "serviceAccountName");
        }

        if (model.HostNetwork)
        {
            spec.Leaves("hostNetwork");
        }

        if (model.HostPid)
        {
            spec.Leaves("hostPID");
        }

        if (model.ImagePullSecrets.Count > 0)
        {
            var secrets = spec.F("imagePullSecrets").Self();
            foreach (var name in model.ImagePullSecrets)
            {
                secrets.K("name", name).Self().Leaves("name");
            }
        }

        if (model.NodeSelector.Count > 0)
        {
            spec.F("nodeSelector").Self();
        }

        if (model.PriorityClassName is not null)
        {
            spec.Leaves("priorityClassName");
        }

        if (model.Tolerations.Count > 0)
        {
            spec.Leaves("tolerations");
        }

        if (model.Volumes.Count > 0)
        {
            var volumes = spec.F("volumes").Self();
            foreach (var volume in model.Volumes)
            {
                var entry = volumes.K("name", volume.Name).Self().Leaves("name");
                if (volume.SecretName is not null)
                {
                    entry.F("secret").Self().Leaves("defaultMode", "secretName");
                }
                else if (volume.ConfigMapName is not null)
                {
                    entry.F("configMap").Self().Leaves("defaultMode", "name");
                }
                else if (volume.ClaimName is not null)
                {
                    entry.F("persistentVolumeClaim").Self().Leaves("claimName");
                }
                else if (volume.HostPath is not null)
                {
                    entry.F("hostPath").Self().Leaves("path", "type");
                }
                else
                {
                    entry.Leaves("emptyDir");
                }
            }
        }
    }

    /// <summary>
    /// The status fields the kubelet reports for a started pod, or the scheduler for an unschedulable one.
    /// Only the pod's address varies between pods, and it is the only key of its list, so the set is rendered
    /// once per shape and the address spliced in.
    /// </summary>
    public static ReadOnlyMemory<byte> Status(PodModel pod)
    {
        if (pod.State == PodState.Unschedulable)
        {
            return UnschedulableStatus.Value;
        }

        if (pod.PodIp is not { } podIp)
        {
            return StartedStatusWithoutAddress.Value;
        }

        var (before, after) = StartedStatusAroundAddress.Value;
        var address = System.Text.Encoding.UTF8.GetBytes(podIp);
        var json = new byte[before.Length + address.Length + after.Length];
        before.CopyTo(json, 0);
        address.CopyTo(json, before.Length);
        after.CopyTo(json, before.Length + address.Length);
        return json;
    }

    private const string AddressPlaceholder = "0.0.0.0";

    private static readonly Lazy<byte[]> UnschedulableStatus = new(() =>
    {
        var root = new FieldSet();
        root.F("status").F("conditions").Self().K("type", "PodScheduled").Self().Leaves("lastProbeTime", "lastTransitionTime", "message", "reason", "status", "type");
        return root.ToJson();
    });

    private static readonly Lazy<byte[]> StartedStatusWithoutAddress = new(() => StartedStatus(null).ToJson());

    private static readonly Lazy<(byte[] Before, byte[] After)> StartedStatusAroundAddress = new(() =>
    {
        var json = StartedStatus(AddressPlaceholder).ToJson();
        var placeholder = System.Text.Encoding.UTF8.GetBytes(AddressPlaceholder);
        var at = json.AsSpan().IndexOf(placeholder);
        return (json[..at], json[(at + placeholder.Length)..]);
    });

    private static FieldSet StartedStatus(string? podIp)
    {
        var root = new FieldSet();
        var status = root.F("status");
        var conditions = status.F("conditions");
        foreach (var type in new[] { "ContainersReady", "Initialized", "PodReadyToStartContainers", "Ready" })
        {
            conditions.K("type", type).Self().Leaves("lastProbeTime", "lastTransitionTime", "status", "type");
        }

        status.Leaves("containerStatuses", "hostIP", "phase", "startTime");
        status.F("hostIPs");
        if (podIp is not null)
        {
            status.Leaves("podIP");
            status.F("podIPs").Self().K("ip", podIp).Self().Leaves("ip");
        }

        return root;
    }

    private static void AddContainer(FieldSet entry, ContainerModel container)
    {
        entry.Self().Leaves("image", "imagePullPolicy", "name", "terminationMessagePath", "terminationMessagePolicy");
        entry.F("resources");
        if (container.Args.Count > 0)
        {
            entry.Leaves("args");
        }

        if (container.Command.Count > 0)
        {
            entry.Leaves("command");
        }

        if (container.Env.Count > 0)
        {
            var env = entry.F("env").Self();
            foreach (var variable in container.Env)
            {
                var item = env.K("name", variable.Name).Self().Leaves("name");
                if (variable.Value is not null)
                {
                    item.Leaves("value");
                }
                else
                {
                    item.F("valueFrom").Self();
                }
            }
        }

        if (container.EnvFrom.Count > 0)
        {
            entry.Leaves("envFrom");
        }

        if (container.Ports.Count > 0)
        {
            var ports = entry.F("ports").Self();
            foreach (var port in container.Ports)
            {
                ports.K($"{{\"containerPort\":{port.ContainerPort},\"protocol\":\"{port.Protocol}\"}}").Self().Leaves("containerPort", "protocol");
            }
        }

        if (container.LivenessProbe is not null)
        {
            entry.F("livenessProbe").Self().Leaves("failureThreshold", "periodSeconds", "successThreshold", "timeoutSeconds");
        }

        if (container.ReadinessProbe is not null)
        {
            entry.F("readinessProbe").Self().Leaves("failureThreshold", "periodSeconds", "successThreshold", "timeoutSeconds");
        }

        if (container.Security is not null)
        {
            entry.F("securityContext").Self();
        }

        if (container.VolumeMounts.Count > 0)
        {
            var mounts = entry.F("volumeMounts").Self();
            foreach (var mount in container.VolumeMounts)
            {
                mounts.K("mountPath", mount.MountPath).Self().Leaves("mountPath", "name");
            }
        }
    }
}
