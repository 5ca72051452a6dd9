using System.Text.Json;
using System.Text;
using KubeFleet.StandIn.Data.Json;

namespace KubeFleet.StandIn.Data.Generation.Kinds;

/// <summary>ConfigMaps, Secrets and ServiceAccounts: the objects pods reference for configuration and identity.</summary>
internal static class ConfigWriters
{
    public static void WriteConfigMap(Utf8JsonWriter writer, ObjectMeta meta, string resourceVersion, IReadOnlyDictionary<string, string> data)
    {
        writer.WriteStartObject();
        meta.Write(writer, resourceVersion);
        writer.WriteStringMapIfAny("data", data);
        writer.WriteEndObject();
    }

    /// <summary>A Secret; <paramref name="data"/> holds clear values, written base64-encoded as the API does.</summary>
    public static void WriteSecret(Utf8JsonWriter writer, ObjectMeta meta, string resourceVersion, string type, IReadOnlyDictionary<string, string> data)
    {
        writer.WriteStartObject();
        meta.Write(writer, resourceVersion);
        if (data.Count > 0)
        {
            writer.WriteStartObject("data");
            foreach (var (key, value) in data.OrderBy(d => d.Key, StringComparer.Ordinal))
            {
                writer.WriteBase64String(key, Encoding.UTF8.GetBytes(value));
            }

            writer.WriteEndObject();
        }

        writer.WriteString("type", type);
        writer.WriteEndObject();
    }

    public static void WriteServiceAccount(Utf8JsonWriter writer, ObjectMeta meta, string resourceVersion, IReadOnlyList<string> secrets, IReadOnlyList<string> imagePullSecrets)
    {
        writer.WriteStartObject();
        meta.Write(writer, resourceVersion);
        WriteReferences(writer, "secrets", secrets);
        WriteReferences(writer, "imagePullSecrets", imagePullSecrets);
        writer.WriteEndObject();
    }

    private static void WriteReferences(Utf8JsonWriter writer, string name, IReadOnlyList<string> names)
    {
        if (names.Count == 0)
        {
            return;
        }

        writer.WriteStartArray(name);
        foreach (var reference in names)
        {
            writer.WriteStartObject();
            writer.WriteString("name", reference);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
