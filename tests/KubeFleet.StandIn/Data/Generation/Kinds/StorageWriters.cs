using System.Text.Json;
using KubeFleet.StandIn.Data.Json;

namespace KubeFleet.StandIn.Data.Generation.Kinds;

/// <summary>A claim and, once bound, the volume provisioned for it (<see cref="VolumeName"/> null while pending).</summary>
internal sealed record ClaimModel
{
    public required ObjectMeta ClaimMeta { get; init; }

    public required string Size { get; init; }

    public required string StorageClass { get; init; }

    public required string Provisioner { get; init; }

    public string AccessMode { get; init; } = "ReadWriteOnce";

    public string? VolumeName { get; init; }

    public ObjectMeta? VolumeMeta { get; init; }

    public string? VolumeHandle { get; init; }

    /// <summary>The zone the volume lives in (the node affinity of zonal block storage).</summary>
    public string? Zone { get; init; }
}

internal static class StorageWriters
{
    public static void WriteClaim(Utf8JsonWriter writer, ClaimModel claim, string resourceVersion)
    {
        writer.WriteStartObject();
        claim.ClaimMeta.Write(writer, resourceVersion);
        writer.WriteStartObject("spec");
        writer.WriteStringArray("accessModes", [claim.AccessMode]);
        writer.WriteStartObject("resources");
        writer.WriteStringMap("requests", [new("storage", claim.Size)]);
        writer.WriteEndObject();
        writer.WriteStringIfAny("volumeName", claim.VolumeName);
        writer.WriteString("storageClassName", claim.StorageClass);
        writer.WriteString("volumeMode", "Filesystem");
        writer.WriteEndObject();
        writer.WriteStartObject("status");
        if (claim.VolumeName is null)
        {
            writer.WriteString("phase", "Pending");
        }
        else
        {
            writer.WriteString("phase", "Bound");
            writer.WriteStringArray("accessModes", [claim.AccessMode]);
            writer.WriteStringMap("capacity", [new("storage", claim.Size)]);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    public static void WriteVolume(Utf8JsonWriter writer, ClaimModel claim, string claimResourceVersion, string resourceVersion)
    {
        var volume = claim.VolumeMeta!;
        writer.WriteStartObject();
        volume.Write(writer, resourceVersion);
        writer.WriteStartObject("spec");
        writer.WriteStringMap("capacity", [new("storage", claim.Size)]);
        writer.WriteStartObject("csi");
        writer.WriteString("driver", claim.Provisioner);
        writer.WriteString("volumeHandle", claim.VolumeHandle);
        writer.WriteString("fsType", "ext4");
        writer.WriteStringMap("volumeAttributes", [new("storage.kubernetes.io/csiProvisionerIdentity", "1730000000000-8081-" + claim.Provisioner)]);
        writer.WriteEndObject();
        writer.WriteStringArray("accessModes", [claim.AccessMode]);
        writer.WriteStartObject("claimRef");
        writer.WriteString("kind", "PersistentVolumeClaim");
        writer.WriteString("namespace", claim.ClaimMeta.Namespace);
        writer.WriteString("name", claim.ClaimMeta.Name);
        writer.WriteString("uid", claim.ClaimMeta.Uid);
        writer.WriteString("apiVersion", "v1");
        writer.WriteString("resourceVersion", claimResourceVersion);
        writer.WriteEndObject();
        writer.WriteString("persistentVolumeReclaimPolicy", "Delete");
        writer.WriteString("storageClassName", claim.StorageClass);
        writer.WriteString("volumeMode", "Filesystem");
        if (claim.Zone is { } zone)
        {
            writer.WriteStartObject("nodeAffinity");
            writer.WriteStartObject("required");
            writer.WriteStartArray("nodeSelectorTerms");
            writer.WriteStartObject();
            writer.WriteStartArray("matchExpressions");
            writer.WriteStartObject();
            writer.WriteString("key", "topology.kubernetes.io/zone");
            writer.WriteString("operator", "In");
            writer.WriteStringArray("values", [zone]);
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.WriteStartObject("status");
        writer.WriteString("phase", "Bound");
        writer.WriteTime("lastPhaseTransitionTime", volume.Created);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
