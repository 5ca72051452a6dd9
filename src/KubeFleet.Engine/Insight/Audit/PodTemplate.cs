using System.Text.Json;

namespace KubeFleet.Engine.Insight.Audit;

/// <summary>
/// The pod spec a resource carries and the metadata its pods get: a Pod's own, or the template of
/// a workload (Deployment, ReplicaSet, StatefulSet, DaemonSet, Job, ReplicationController,
/// PodTemplate, and custom resources shaped like them, such as Argo Rollouts) or of a CronJob's
/// jobs.
/// </summary>
internal readonly record struct PodTemplate(JsonElement Metadata, JsonElement Spec)
{
    /// <summary>The pod spec's container lists, in the order a pod starts them.</summary>
    public static readonly string[] ContainerSets = ["initContainers", "containers", "ephemeralContainers"];

    // Where workloads keep their pod template; the first that holds a pod spec wins.
    private static readonly string[][] TemplatePaths =
    [
        ["spec", "template"],
        ["spec", "jobTemplate", "spec", "template"],
        ["template"],
    ];

    public static bool TryFind(string apiVersion, string kind, JsonElement resource, out PodTemplate template)
    {
        template = default;
        if (resource.ValueKind != JsonValueKind.Object)
            return false;
        if (apiVersion == "v1" && kind == "Pod")
            return TryRead(resource, out template);
        foreach (var path in TemplatePaths)
        {
            if (TryDescend(resource, path, out var candidate) && TryRead(candidate, out template))
                return true;
        }
        return false;
    }

    /// <summary>Each container with the name of the list it is in.</summary>
    public IEnumerable<(string ContainerSet, JsonElement Container)> Containers()
    {
        foreach (var set in ContainerSets)
        {
            if (Spec.TryGetProperty(set, out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var container in list.EnumerateArray())
                {
                    if (container.ValueKind == JsonValueKind.Object)
                        yield return (set, container);
                }
            }
        }
    }

    private static bool TryRead(JsonElement pod, out PodTemplate template)
    {
        template = default;
        if (pod.ValueKind != JsonValueKind.Object
            || !pod.TryGetProperty("spec", out var spec)
            || spec.ValueKind != JsonValueKind.Object
            || !spec.TryGetProperty("containers", out var containers)
            || containers.ValueKind != JsonValueKind.Array)
            return false;
        var metadata = pod.TryGetProperty("metadata", out var found) && found.ValueKind == JsonValueKind.Object ? found : default;
        template = new PodTemplate(metadata, spec);
        return true;
    }

    private static bool TryDescend(JsonElement node, string[] path, out JsonElement found)
    {
        found = node;
        foreach (var name in path)
        {
            if (found.ValueKind != JsonValueKind.Object || !found.TryGetProperty(name, out found))
                return false;
        }
        return true;
    }
}
