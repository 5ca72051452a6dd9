using KubeFleet.StandIn.Data.Catalog;
using KubeFleet.StandIn.Data.Generation.Kinds;

namespace KubeFleet.StandIn.Data.Generation.Factories;

/// <summary>Creates PersistentVolumeClaims and, for bound ones, the volumes the CSI driver provisioned for them.</summary>
internal sealed class ClaimFactory(GenerationContext context)
{
    private static readonly ResourceType Claims = BuiltInResources.Get("", "persistentvolumeclaims");
    private static readonly ResourceType Volumes = BuiltInResources.Get("", "persistentvolumes");

    public void Create(string ns, string name, string size, IReadOnlyDictionary<string, string> labels, DateTimeOffset created, bool bound)
    {
        var flavor = context.Flavor;
        var claimUid = context.Entropy.Uid();
        var volumeName = bound ? "pvc-" + claimUid : null;
        var annotations = new Dictionary<string, string>
        {
            ["volume.beta.kubernetes.io/storage-provisioner"] = flavor.StorageProvisioner,
            ["volume.kubernetes.io/storage-provisioner"] = flavor.StorageProvisioner,
        };
        if (bound)
        {
            annotations["pv.kubernetes.io/bind-completed"] = "yes";
            annotations["pv.kubernetes.io/bound-by-controller"] = "yes";
        }

        var claimFields = new FieldSet();
        WorkloadFieldSets.AddMetadata(claimFields, labels, new Dictionary<string, string>());
        claimFields.F("spec").Leaves("accessModes", "resources", "storageClassName", "volumeMode");
        var claimMeta = new ObjectMeta
        {
            Name = name,
            Namespace = ns,
            Uid = claimUid,
            Created = created,
            Labels = labels,
            Annotations = annotations,
            Finalizers = ["kubernetes.io/pvc-protection"],
            ManagedFields = [ManagedFieldsEntry.Update("kube-controller-manager", "v1", created, claimFields)],
        };
        var zone = context.Flavor.Zones.Count > 0 ? context.Entropy.Pick(context.Flavor.Zones) : null;
        var volumeCreated = created.AddSeconds(context.Entropy.Int(2, 9));
        var claim = new ClaimModel
        {
            ClaimMeta = claimMeta,
            Size = size,
            StorageClass = flavor.StorageClass,
            Provisioner = flavor.StorageProvisioner,
            VolumeName = volumeName,
            VolumeHandle = bound ? flavor.VolumeHandle(context.Entropy) : null,
            Zone = zone,
            VolumeMeta = volumeName is null ? null : new ObjectMeta
            {
                Name = volumeName,
                Uid = context.Entropy.Uid(),
                Created = volumeCreated,
                Annotations = new Dictionary<string, string>
                {
                    ["pv.kubernetes.io/provisioned-by"] = flavor.StorageProvisioner,
                    ["volume.kubernetes.io/provisioner-deletion-secret-name"] = "",
                    ["volume.kubernetes.io/provisioner-deletion-secret-namespace"] = "",
                },
                Finalizers = ["external-provisioner.volume.kubernetes.io/finalizer", "kubernetes.io/pv-protection"],
            },
        };
        var claimVersion = context.Sink.Add(Claims, (writer, rv) => StorageWriters.WriteClaim(writer, claim, rv));
        if (bound)
        {
            context.Sink.Add(Volumes, (writer, rv) => StorageWriters.WriteVolume(writer, claim, claimVersion, rv));
        }
    }
}
