using System.Text.Json;
using KubeFleet.Engine.Search.Query;

namespace KubeFleet.Engine.Insight.Relations;

/// <summary>The names of the objects a pod's spec refers to, by the paths the kubelet reads them from.</summary>
internal static class PodReferences
{
    private static readonly string[] ContainerSets = ["initContainers", "containers", "ephemeralContainers"];

    public static IEnumerable<string> Node(IQueryRow pod) => Optional(KubeObject.Text(pod.Object, "spec", "nodeName"));

    /// <summary>Secret volumes, projected secrets, image pull secrets, and containers' env and envFrom.</summary>
    public static IEnumerable<string> Secrets(IQueryRow pod) =>
        Volumes(pod).SelectMany(volume => Optional(KubeObject.Text(volume, "secret", "secretName")))
            .Concat(ProjectedSources(pod).SelectMany(source => Optional(KubeObject.Text(source, "secret", "name"))))
            .Concat(KubeObject.Items(pod.Object, "spec", "imagePullSecrets").SelectMany(secret => Optional(KubeObject.Text(secret, "name"))))
            .Concat(EnvironmentReferences(pod, "secretKeyRef", "secretRef"));

    /// <summary>Config map volumes, projected config maps, and containers' env and envFrom.</summary>
    public static IEnumerable<string> ConfigMaps(IQueryRow pod) =>
        Volumes(pod).SelectMany(volume => Optional(KubeObject.Text(volume, "configMap", "name")))
            .Concat(ProjectedSources(pod).SelectMany(source => Optional(KubeObject.Text(source, "configMap", "name"))))
            .Concat(EnvironmentReferences(pod, "configMapKeyRef", "configMapRef"));

    /// <summary>Claims the pod mounts, and the claims its generic ephemeral volumes get (named pod-volume).</summary>
    public static IEnumerable<string> PersistentVolumeClaims(IQueryRow pod) =>
        Volumes(pod).SelectMany(volume => Optional(
            KubeObject.Text(volume, "persistentVolumeClaim", "claimName")
            ?? (KubeObject.Find(volume, "ephemeral") is not null && KubeObject.Text(volume, "name") is { } name ? $"{pod.Name}-{name}" : null)));

    /// <summary>The pod's service account; <c>serviceAccount</c> is its deprecated spelling.</summary>
    public static IEnumerable<string> ServiceAccount(IQueryRow pod) =>
        Optional(KubeObject.Text(pod.Object, "spec", "serviceAccountName") ?? KubeObject.Text(pod.Object, "spec", "serviceAccount"));

    private static IEnumerable<JsonElement> Volumes(IQueryRow pod) => KubeObject.Items(pod.Object, "spec", "volumes");

    private static IEnumerable<JsonElement> ProjectedSources(IQueryRow pod) =>
        Volumes(pod).SelectMany(volume => KubeObject.Items(volume, "projected", "sources"));

    private static IEnumerable<string> EnvironmentReferences(IQueryRow pod, string keyReference, string sourceReference) =>
        ContainerSets.SelectMany(set => KubeObject.Items(pod.Object, "spec", set)).SelectMany(container =>
            KubeObject.Items(container, "env").SelectMany(variable => Optional(KubeObject.Text(variable, "valueFrom", keyReference, "name")))
                .Concat(KubeObject.Items(container, "envFrom").SelectMany(source => Optional(KubeObject.Text(source, sourceReference, "name")))));

    private static IEnumerable<string> Optional(string? name) => string.IsNullOrEmpty(name) ? [] : [name];
}
