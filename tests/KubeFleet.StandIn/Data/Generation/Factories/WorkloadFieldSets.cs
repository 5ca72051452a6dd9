using KubeFleet.StandIn.Data.Generation.Pods;

namespace KubeFleet.StandIn.Data.Generation.Factories;

/// <summary>The managedFields of workload objects: what the deploying tool owns, and what controllers own.</summary>
internal static class WorkloadFieldSets
{
    /// <summary>Labels and annotations by key, as any manager owning them records them.</summary>
    public static void AddMetadata(FieldSet root, IReadOnlyDictionary<string, string> labels, IReadOnlyDictionary<string, string> annotations, string? ownerUid = null)
    {
        var metadata = root.F("metadata");
        if (annotations.Count > 0)
        {
            metadata.F("annotations").Self().Leaves(annotations.Keys);
        }

        if (labels.Count > 0)
        {
            metadata.F("labels").Self().Leaves(labels.Keys);
        }

        if (ownerUid is not null)
        {
            metadata.F("ownerReferences").Self().K("uid", ownerUid).Self();
        }
    }

    /// <summary>A workload spec: its own fields, its selector, and its pod template.</summary>
    public static void AddSpec(FieldSet root, PodTemplate template, params IEnumerable<string> specLeaves)
    {
        var spec = root.F("spec");
        spec.Leaves(specLeaves);
        spec.F("selector");
        var templateFields = spec.F("template");
        var templateMetadata = templateFields.F("metadata");
        templateMetadata.F("labels").Self().Leaves(template.Labels.Keys);
        if (template.Annotations.Count > 0)
        {
            templateMetadata.F("annotations").Self().Leaves(template.Annotations.Keys);
        }

        PodFieldSets.AddSpec(templateFields.F("spec"), template.Spec);
    }

    /// <summary>The status fields a controller reports.</summary>
    public static FieldSet Status(params IEnumerable<string> leaves)
    {
        var root = new FieldSet();
        root.F("status").Leaves(leaves);
        return root;
    }

    /// <summary>The metadata and spec a controller writes into each pod it creates.</summary>
    public static FieldSet CreatedPod(PodTemplate template, IReadOnlyDictionary<string, string> labels, string ownerUid, bool generatedName)
    {
        var root = new FieldSet();
        AddMetadata(root, labels, template.Annotations, ownerUid);
        if (generatedName)
        {
            root.F("metadata").Leaves("generateName");
        }

        PodFieldSets.AddSpec(root.F("spec"), template.Spec);
        return root;
    }
}
