using System.Text.Json;
using KubeFleet.StandIn.Data.Json;

namespace KubeFleet.StandIn.Data.Generation.Kinds;

internal static class NamespaceWriter
{
    public static void Write(Utf8JsonWriter writer, ObjectMeta meta, string resourceVersion)
    {
        writer.WriteStartObject();
        meta.Write(writer, resourceVersion);
        writer.WriteStartObject("spec");
        writer.WriteStringArray("finalizers", ["kubernetes"]);
        writer.WriteEndObject();
        writer.WriteStartObject("status");
        writer.WriteString("phase", "Active");
        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
