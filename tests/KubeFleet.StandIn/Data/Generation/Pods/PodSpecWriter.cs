using System.Text.Json;
using KubeFleet.StandIn.Data.Json;

namespace KubeFleet.StandIn.Data.Generation.Pods;

/// <summary>
/// Writes a pod spec in Go's field order, with the defaults the API server fills in. A template's spec is
/// written as workloads store it; a pod's spec adds what admission and the scheduler add (the service
/// account token volume, default tolerations, priority, the node).
/// </summary>
internal static class PodSpecWriter
{
    private static readonly TolerationModel[] DefaultTolerations =
    [
        new("node.kubernetes.io/not-ready", "Exists", null, "NoExecute", 300),
        new("node.kubernetes.io/unreachable", "Exists", null, "NoExecute", 300),
    ];

    public static void WriteTemplateSpec(Utf8JsonWriter writer, PodSpecModel spec) => Write(writer, spec, null);

    public static void WritePodSpec(Utf8JsonWriter writer, PodSpecModel spec, PodPlacement placement) => Write(writer, spec, placement);

    /// <summary>The mount of the service account token volume, added to every container of a pod.</summary>
    public static VolumeMountModel ApiAccessMount(string volumeName) =>
        new(volumeName, "/var/run/secrets/kubernetes.io/serviceaccount", ReadOnly: true);

    private static void Write(Utf8JsonWriter writer, PodSpecModel spec, PodPlacement? pod)
    {
        writer.WriteStartObject("spec");
        var volumes = pod is null ? spec.Volumes : [.. spec.Volumes, new VolumeModel(pod.ApiAccessVolume) { ServiceAccountToken = true }];
        if (volumes.Count > 0)
        {
            writer.WriteStartArray("volumes");
            foreach (var volume in volumes)
            {
                WriteVolume(writer, volume);
            }

            writer.WriteEndArray();
        }

        WriteContainers(writer, "initContainers", spec.InitContainers, pod);
        WriteContainers(writer, "containers", spec.Containers, pod);
        writer.WriteString("restartPolicy", spec.RestartPolicy);
        writer.WriteNumber("terminationGracePeriodSeconds", spec.TerminationGracePeriodSeconds);
        writer.WriteString("dnsPolicy", spec.DnsPolicy);
        writer.WriteStringMapIfAny("nodeSelector", spec.NodeSelector);
        if (pod is not null || spec.ServiceAccountName != "default")
        {
            writer.WriteString("serviceAccountName", spec.ServiceAccountName);
            writer.WriteString("serviceAccount", spec.ServiceAccountName);
        }

        if (pod?.NodeName is { } nodeName)
        {
            writer.WriteString("nodeName", nodeName);
        }

        if (spec.HostNetwork)
        {
            writer.WriteBoolean("hostNetwork", true);
        }

        if (spec.HostPid)
        {
            writer.WriteBoolean("hostPID", true);
        }

        WritePodSecurity(writer, spec.Security);
        if (spec.ImagePullSecrets.Count > 0)
        {
            writer.WriteStartArray("imagePullSecrets");
            foreach (var name in spec.ImagePullSecrets)
            {
                writer.WriteStartObject();
                writer.WriteString("name", name);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WriteString("schedulerName", "default-scheduler");
        var tolerations = pod is null ? spec.Tolerations : WithDefaultTolerations(spec.Tolerations);
        if (tolerations.Count > 0)
        {
            writer.WriteStartArray("tolerations");
            foreach (var toleration in tolerations)
            {
                WriteToleration(writer, toleration);
            }

            writer.WriteEndArray();
        }

        writer.WriteStringIfAny("priorityClassName", spec.PriorityClassName);
        if (pod is not null)
        {
            writer.WriteNumber("priority", spec.Priority);
            writer.WriteBoolean("enableServiceLinks", true);
            writer.WriteString("preemptionPolicy", "PreemptLowerPriority");
        }

        writer.WriteEndObject();
    }

    /// <summary>The DefaultTolerationSeconds admission plugin adds these unless the pod tolerates the taints itself.</summary>
    private static IReadOnlyList<TolerationModel> WithDefaultTolerations(IReadOnlyList<TolerationModel> tolerations) =>
        tolerations.Any(t => t.Operator == "Exists" && t.Key is null)
            ? tolerations
            : [.. tolerations, .. DefaultTolerations.Where(d => tolerations.All(t => t.Key != d.Key))];

    private static void WriteContainers(Utf8JsonWriter writer, string name, IReadOnlyList<ContainerModel> containers, PodPlacement? pod)
    {
        if (containers.Count == 0)
        {
            return;
        }

        writer.WriteStartArray(name);
        foreach (var container in containers)
        {
            WriteContainer(writer, container, pod);
        }

        writer.WriteEndArray();
    }

    private static void WriteContainer(Utf8JsonWriter writer, ContainerModel container, PodPlacement? pod)
    {
        writer.WriteStartObject();
        writer.WriteString("name", container.Name);
        writer.WriteString("image", container.Image);
        if (container.Command.Count > 0)
        {
            writer.WriteStringArray("command", container.Command);
        }

        if (container.Args.Count > 0)
        {
            writer.WriteStringArray("args", container.Args);
        }

        if (container.Ports.Count > 0)
        {
            writer.WriteStartArray("ports");
            foreach (var port in container.Ports)
            {
                writer.WriteStartObject();
                writer.WriteStringIfAny("name", port.Name);
                if (port.HostPort is { } hostPort)
                {
                    writer.WriteNumber("hostPort", hostPort);
                }

                writer.WriteNumber("containerPort", port.ContainerPort);
                writer.WriteString("protocol", port.Protocol);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        if (container.EnvFrom.Count > 0)
        {
            writer.WriteStartArray("envFrom");
            foreach (var source in container.EnvFrom)
            {
                writer.WriteStartObject();
                writer.WriteStartObject(source.FromSecret ? "secretRef" : "configMapRef");
                writer.WriteString("name", source.Name);
                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        if (container.Env.Count > 0)
        {
            writer.WriteStartArray("env");
            foreach (var variable in container.Env)
            {
                WriteEnvVar(writer, variable);
            }

            writer.WriteEndArray();
        }

        WriteResources(writer, container.Resources);
        var mounts = pod is null ? container.VolumeMounts : [.. container.VolumeMounts, ApiAccessMount(pod.ApiAccessVolume)];
        if (mounts.Count > 0)
        {
            writer.WriteStartArray("volumeMounts");
            foreach (var mount in mounts)
            {
                writer.WriteStartObject();
                writer.WriteString("name", mount.Name);
                if (mount.ReadOnly)
                {
                    writer.WriteBoolean("readOnly", true);
                }

                writer.WriteString("mountPath", mount.MountPath);
                writer.WriteStringIfAny("subPath", mount.SubPath);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        WriteProbe(writer, "livenessProbe", container.LivenessProbe);
        WriteProbe(writer, "readinessProbe", container.ReadinessProbe);
        writer.WriteString("terminationMessagePath", "/dev/termination-log");
        writer.WriteString("terminationMessagePolicy", "File");
        writer.WriteString("imagePullPolicy", container.ImagePullPolicy);
        if (container.Security is { } security)
        {
            WriteContainerSecurity(writer, security);
        }

        writer.WriteEndObject();
    }

    private static void WriteEnvVar(Utf8JsonWriter writer, EnvVarModel variable)
    {
        writer.WriteStartObject();
        writer.WriteString("name", variable.Name);
        writer.WriteStringIfAny("value", variable.Value);
        if (variable.From is { } from)
        {
            writer.WriteStartObject("valueFrom");
            switch (from.Kind)
            {
                case EnvSourceKind.FieldPath:
                    writer.WriteStartObject("fieldRef");
                    writer.WriteString("apiVersion", "v1");
                    writer.WriteString("fieldPath", from.Key);
                    writer.WriteEndObject();
                    break;
                case EnvSourceKind.ConfigMapKey:
                    writer.WriteStartObject("configMapKeyRef");
                    writer.WriteString("name", from.Name);
                    writer.WriteString("key", from.Key);
                    writer.WriteEndObject();
                    break;
                case EnvSourceKind.SecretKey:
                    writer.WriteStartObject("secretKeyRef");
                    writer.WriteString("name", from.Name);
                    writer.WriteString("key", from.Key);
                    writer.WriteEndObject();
                    break;
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static void WriteResources(Utf8JsonWriter writer, ResourcesModel resources)
    {
        writer.WriteStartObject("resources");
        writer.WriteStringMapIfAny("limits", resources.Limits);
        writer.WriteStringMapIfAny("requests", resources.Requests);
        writer.WriteEndObject();
    }

    private static void WriteProbe(Utf8JsonWriter writer, string name, ProbeModel? probe)
    {
        if (probe is null)
        {
            return;
        }

        writer.WriteStartObject(name);
        if (probe.Command.Count > 0)
        {
            writer.WriteStartObject("exec");
            writer.WriteStringArray("command", probe.Command);
            writer.WriteEndObject();
        }
        else if (probe.HttpPath is not null)
        {
            writer.WriteStartObject("httpGet");
            writer.WriteString("path", probe.HttpPath);
            WritePort(writer, probe.Port!);
            writer.WriteString("scheme", "HTTP");
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteStartObject("tcpSocket");
            WritePort(writer, probe.Port!);
            writer.WriteEndObject();
        }

        if (probe.InitialDelaySeconds > 0)
        {
            writer.WriteNumber("initialDelaySeconds", probe.InitialDelaySeconds);
        }

        writer.WriteNumber("timeoutSeconds", 1);
        writer.WriteNumber("periodSeconds", probe.PeriodSeconds);
        writer.WriteNumber("successThreshold", 1);
        writer.WriteNumber("failureThreshold", probe.FailureThreshold);
        writer.WriteEndObject();
    }

    /// <summary>An IntOrString: a number when it is one, otherwise the port's name.</summary>
    private static void WritePort(Utf8JsonWriter writer, string port)
    {
        if (int.TryParse(port, out var number))
        {
            writer.WriteNumber("port", number);
        }
        else
        {
            writer.WriteString("port", port);
        }
    }

    private static void WriteContainerSecurity(Utf8JsonWriter writer, ContainerSecurityModel security)
    {
        writer.WriteStartObject("securityContext");
        if (security.AddCapabilities.Count > 0 || security.DropCapabilities.Count > 0)
        {
            writer.WriteStartObject("capabilities");
            if (security.AddCapabilities.Count > 0)
            {
                writer.WriteStringArray("add", security.AddCapabilities);
            }

            if (security.DropCapabilities.Count > 0)
            {
                writer.WriteStringArray("drop", security.DropCapabilities);
            }

            writer.WriteEndObject();
        }

        WriteOptional(writer, "privileged", security.Privileged);
        WriteOptional(writer, "runAsUser", security.RunAsUser);
        WriteOptional(writer, "runAsNonRoot", security.RunAsNonRoot);
        WriteOptional(writer, "readOnlyRootFilesystem", security.ReadOnlyRootFilesystem);
        WriteOptional(writer, "allowPrivilegeEscalation", security.AllowPrivilegeEscalation);
        WriteSeccomp(writer, security.SeccompProfile);
        writer.WriteEndObject();
    }

    private static void WritePodSecurity(Utf8JsonWriter writer, PodSecurityModel security)
    {
        writer.WriteStartObject("securityContext");
        WriteOptional(writer, "runAsUser", security.RunAsUser);
        WriteOptional(writer, "runAsGroup", security.RunAsGroup);
        WriteOptional(writer, "runAsNonRoot", security.RunAsNonRoot);
        WriteOptional(writer, "fsGroup", security.FsGroup);
        WriteSeccomp(writer, security.SeccompProfile);
        writer.WriteEndObject();
    }

    private static void WriteSeccomp(Utf8JsonWriter writer, string? profile)
    {
        if (profile is not null)
        {
            writer.WriteStartObject("seccompProfile");
            writer.WriteString("type", profile);
            writer.WriteEndObject();
        }
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, bool? value)
    {
        if (value is { } set)
        {
            writer.WriteBoolean(name, set);
        }
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, long? value)
    {
        if (value is { } set)
        {
            writer.WriteNumber(name, set);
        }
    }

    private static void WriteVolume(Utf8JsonWriter writer, VolumeModel volume)
    {
        writer.WriteStartObject();
        writer.WriteString("name", volume.Name);
        if (volume.HostPath is { } path)
        {
            writer.WriteStartObject("hostPath");
            writer.WriteString("path", path);
            writer.WriteStringIfAny("type", volume.HostPathType);
            writer.WriteEndObject();
        }
        else if (volume.EmptyDir)
        {
            writer.WriteEmptyObject("emptyDir");
        }
        else if (volume.SecretName is { } secretName)
        {
            writer.WriteStartObject("secret");
            writer.WriteString("secretName", secretName);
            writer.WriteNumber("defaultMode", 420);
            writer.WriteEndObject();
        }
        else if (volume.ClaimName is { } claimName)
        {
            writer.WriteStartObject("persistentVolumeClaim");
            writer.WriteString("claimName", claimName);
            writer.WriteEndObject();
        }
        else if (volume.ConfigMapName is { } configMapName)
        {
            writer.WriteStartObject("configMap");
            writer.WriteString("name", configMapName);
            writer.WriteNumber("defaultMode", 420);
            writer.WriteEndObject();
        }
        else
        {
            WriteServiceAccountTokenSource(writer);
        }

        writer.WriteEndObject();
    }

    private static void WriteServiceAccountTokenSource(Utf8JsonWriter writer)
    {
        writer.WriteStartObject("projected");
        writer.WriteStartArray("sources");
        writer.WriteStartObject();
        writer.WriteStartObject("serviceAccountToken");
        writer.WriteNumber("expirationSeconds", 3607);
        writer.WriteString("path", "token");
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteStartObject();
        writer.WriteStartObject("configMap");
        writer.WriteString("name", "kube-root-ca.crt");
        writer.WriteStartArray("items");
        writer.WriteStartObject();
        writer.WriteString("key", "ca.crt");
        writer.WriteString("path", "ca.crt");
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteStartObject();
        writer.WriteStartObject("downwardAPI");
        writer.WriteStartArray("items");
        writer.WriteStartObject();
        writer.WriteString("path", "namespace");
        writer.WriteStartObject("fieldRef");
        writer.WriteString("apiVersion", "v1");
        writer.WriteString("fieldPath", "metadata.namespace");
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteNumber("defaultMode", 420);
        writer.WriteEndObject();
    }

    private static void WriteToleration(Utf8JsonWriter writer, TolerationModel toleration)
    {
        writer.WriteStartObject();
        writer.WriteStringIfAny("key", toleration.Key);
        writer.WriteString("operator", toleration.Operator);
        writer.WriteStringIfAny("value", toleration.Value);
        writer.WriteStringIfAny("effect", toleration.Effect);
        if (toleration.TolerationSeconds is { } seconds)
        {
            writer.WriteNumber("tolerationSeconds", seconds);
        }

        writer.WriteEndObject();
    }
}

/// <summary>What admission and scheduling add to a pod: its token volume's name and its node (none while pending).</summary>
internal sealed record PodPlacement(string ApiAccessVolume, string? NodeName);
