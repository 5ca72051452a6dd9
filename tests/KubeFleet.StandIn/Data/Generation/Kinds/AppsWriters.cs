using System.Text.Json;
using KubeFleet.StandIn.Data.Generation.Pods;
using KubeFleet.StandIn.Data.Json;

namespace KubeFleet.StandIn.Data.Generation.Kinds;

/// <summary>Deployments, ReplicaSets, StatefulSets and DaemonSets (apps/v1), with the status their controllers report.</summary>
internal static class AppsWriters
{
    public static void WriteDeployment(Utf8JsonWriter writer, WorkloadModel deployment, string resourceVersion, string currentReplicaSet)
    {
        writer.WriteStartObject();
        deployment.Meta.Write(writer, resourceVersion);
        writer.WriteStartObject("spec");
        writer.WriteNumber("replicas", deployment.Replicas);
        WriteSelector(writer, deployment.Selector);
        WriteTemplate(writer, deployment.Template);
        writer.WriteStartObject("strategy");
        writer.WriteString("type", "RollingUpdate");
        writer.WriteStartObject("rollingUpdate");
        writer.WriteString("maxUnavailable", "25%");
        writer.WriteString("maxSurge", "25%");
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteNumber("revisionHistoryLimit", 10);
        writer.WriteNumber("progressDeadlineSeconds", 600);
        writer.WriteEndObject();

        writer.WriteStartObject("status");
        writer.WriteNumber("observedGeneration", deployment.Meta.Generation ?? 1);
        WriteIfPositive(writer, "replicas", deployment.Current);
        WriteIfPositive(writer, "updatedReplicas", deployment.Current);
        WriteIfPositive(writer, "readyReplicas", deployment.Ready);
        WriteIfPositive(writer, "availableReplicas", deployment.Ready);
        WriteIfPositive(writer, "unavailableReplicas", deployment.Replicas - deployment.Ready);
        writer.WriteStartArray("conditions");
        var available = deployment.Ready >= deployment.Replicas - (deployment.Replicas / 4);
        WriteCondition(writer, "Available", available ? "True" : "False", deployment.LastChange, deployment.LastChange,
            available ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable",
            available ? "Deployment has minimum availability." : "Deployment does not have minimum availability.");
        WriteCondition(writer, "Progressing", "True", deployment.LastChange, deployment.Meta.Created, "NewReplicaSetAvailable",
            $"ReplicaSet \"{currentReplicaSet}\" has successfully progressed.");
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    public static void WriteReplicaSet(Utf8JsonWriter writer, WorkloadModel replicaSet, string resourceVersion)
    {
        writer.WriteStartObject();
        replicaSet.Meta.Write(writer, resourceVersion);
        writer.WriteStartObject("spec");
        writer.WriteNumber("replicas", replicaSet.Replicas);
        WriteSelector(writer, replicaSet.Selector);
        WriteTemplate(writer, replicaSet.Template);
        writer.WriteEndObject();
        writer.WriteStartObject("status");
        writer.WriteNumber("replicas", replicaSet.Current);
        WriteIfPositive(writer, "fullyLabeledReplicas", replicaSet.Current);
        WriteIfPositive(writer, "readyReplicas", replicaSet.Ready);
        WriteIfPositive(writer, "availableReplicas", replicaSet.Ready);
        writer.WriteNumber("observedGeneration", replicaSet.Meta.Generation ?? 1);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    public static void WriteStatefulSet(Utf8JsonWriter writer, WorkloadModel statefulSet, string resourceVersion, string serviceName, string claimTemplate, string claimSize, string storageClass, string revision)
    {
        writer.WriteStartObject();
        statefulSet.Meta.Write(writer, resourceVersion);
        writer.WriteStartObject("spec");
        writer.WriteNumber("replicas", statefulSet.Replicas);
        WriteSelector(writer, statefulSet.Selector);
        WriteTemplate(writer, statefulSet.Template);
        writer.WriteStartArray("volumeClaimTemplates");
        writer.WriteStartObject();
        writer.WriteString("kind", "PersistentVolumeClaim");
        writer.WriteString("apiVersion", "v1");
        writer.WriteStartObject("metadata");
        writer.WriteString("name", claimTemplate);
        writer.WriteNull("creationTimestamp");
        writer.WriteEndObject();
        writer.WriteStartObject("spec");
        writer.WriteStringArray("accessModes", ["ReadWriteOnce"]);
        writer.WriteStartObject("resources");
        writer.WriteStringMap("requests", [new("storage", claimSize)]);
        writer.WriteEndObject();
        writer.WriteString("storageClassName", storageClass);
        writer.WriteString("volumeMode", "Filesystem");
        writer.WriteEndObject();
        writer.WriteStartObject("status");
        writer.WriteString("phase", "Pending");
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteString("serviceName", serviceName);
        writer.WriteString("podManagementPolicy", "OrderedReady");
        writer.WriteStartObject("updateStrategy");
        writer.WriteString("type", "RollingUpdate");
        writer.WriteStartObject("rollingUpdate");
        writer.WriteNumber("partition", 0);
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteNumber("revisionHistoryLimit", 10);
        writer.WriteStartObject("persistentVolumeClaimRetentionPolicy");
        writer.WriteString("whenDeleted", "Retain");
        writer.WriteString("whenScaled", "Retain");
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteStartObject("status");
        writer.WriteNumber("observedGeneration", statefulSet.Meta.Generation ?? 1);
        writer.WriteNumber("replicas", statefulSet.Current);
        WriteIfPositive(writer, "readyReplicas", statefulSet.Ready);
        WriteIfPositive(writer, "currentReplicas", statefulSet.Current);
        WriteIfPositive(writer, "updatedReplicas", statefulSet.Current);
        writer.WriteString("currentRevision", revision);
        writer.WriteString("updateRevision", revision);
        writer.WriteNumber("collisionCount", 0);
        WriteIfPositive(writer, "availableReplicas", statefulSet.Ready);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    public static void WriteDaemonSet(Utf8JsonWriter writer, WorkloadModel daemonSet, string resourceVersion)
    {
        writer.WriteStartObject();
        daemonSet.Meta.Write(writer, resourceVersion);
        writer.WriteStartObject("spec");
        WriteSelector(writer, daemonSet.Selector);
        WriteTemplate(writer, daemonSet.Template);
        writer.WriteStartObject("updateStrategy");
        writer.WriteString("type", "RollingUpdate");
        writer.WriteStartObject("rollingUpdate");
        writer.WriteNumber("maxUnavailable", 1);
        writer.WriteNumber("maxSurge", 0);
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteNumber("revisionHistoryLimit", 10);
        writer.WriteEndObject();
        writer.WriteStartObject("status");
        writer.WriteNumber("currentNumberScheduled", daemonSet.Current);
        writer.WriteNumber("numberMisscheduled", 0);
        writer.WriteNumber("desiredNumberScheduled", daemonSet.Replicas);
        writer.WriteNumber("numberReady", daemonSet.Ready);
        writer.WriteNumber("observedGeneration", daemonSet.Meta.Generation ?? 1);
        WriteIfPositive(writer, "updatedNumberScheduled", daemonSet.Current);
        WriteIfPositive(writer, "numberAvailable", daemonSet.Ready);
        WriteIfPositive(writer, "numberUnavailable", daemonSet.Replicas - daemonSet.Ready);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary><c>"selector":{"matchLabels":{…}}</c>.</summary>
    public static void WriteSelector(Utf8JsonWriter writer, IReadOnlyDictionary<string, string> matchLabels)
    {
        writer.WriteStartObject("selector");
        writer.WriteStringMap("matchLabels", matchLabels);
        writer.WriteEndObject();
    }

    /// <summary>A pod template as workloads store it (its metadata carries <c>creationTimestamp: null</c>).</summary>
    public static void WriteTemplate(Utf8JsonWriter writer, PodTemplate template)
    {
        writer.WriteStartObject("template");
        writer.WriteStartObject("metadata");
        writer.WriteNull("creationTimestamp");
        writer.WriteStringMapIfAny("labels", template.Labels);
        writer.WriteStringMapIfAny("annotations", template.Annotations);
        writer.WriteEndObject();
        PodSpecWriter.WriteTemplateSpec(writer, template.Spec);
        writer.WriteEndObject();
    }

    public static void WriteIfPositive(Utf8JsonWriter writer, string name, int value)
    {
        if (value > 0)
        {
            writer.WriteNumber(name, value);
        }
    }

    private static void WriteCondition(Utf8JsonWriter writer, string type, string status, DateTimeOffset updated, DateTimeOffset transitioned, string reason, string message)
    {
        writer.WriteStartObject();
        writer.WriteString("type", type);
        writer.WriteString("status", status);
        writer.WriteTime("lastUpdateTime", updated);
        writer.WriteTime("lastTransitionTime", transitioned);
        writer.WriteString("reason", reason);
        writer.WriteString("message", message);
        writer.WriteEndObject();
    }
}
