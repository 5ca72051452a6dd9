using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using KubeFleet.Engine.Discovery;
using KubeFleet.Engine.Search.Lists;

namespace KubeFleet.Engine.Search;

/// <summary>
/// Hides the values of a Secret: every value of <c>data</c> and <c>stringData</c> (the keys stay,
/// so users see what a secret holds), and the
/// <c>kubectl.kubernetes.io/last-applied-configuration</c> annotation, which <c>kubectl apply</c>
/// fills with the whole manifest, values included. The object's bytes themselves are rewritten, so
/// nothing read from them later (the object, its JSON, a query's <c>content</c>, a field selector
/// evaluated here) can reveal a value.
/// </summary>
internal static class SecretRedaction
{
    /// <summary>What a hidden value reads as, as <c>kubectl config view</c> shows hidden credentials.</summary>
    public const string RedactedValue = "REDACTED";

    private const string LastAppliedConfiguration = "kubectl.kubernetes.io/last-applied-configuration";

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static bool AppliesTo(ApiResource resource) => resource.Group.Length == 0 && resource.Kind == "Secret";

    public static ListItem Redact(ListItem secret)
    {
        using var document = JsonDocument.Parse(secret.Json);
        var output = new ArrayBufferWriter<byte>(secret.Json.Length);
        using (var writer = new Utf8JsonWriter(output, WriterOptions))
        {
            WriteSecret(document.RootElement, writer);
        }

        var annotations = secret.Metadata.Annotations;
        if (annotations.ContainsKey(LastAppliedConfiguration))
        {
            annotations = new Dictionary<string, string>(annotations, StringComparer.Ordinal) { [LastAppliedConfiguration] = RedactedValue };
        }

        return new ListItem(output.WrittenSpan.ToArray(), secret.Metadata with { Annotations = annotations });
    }

    private static void WriteSecret(JsonElement secret, Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        foreach (var member in secret.EnumerateObject())
        {
            if (member.Value.ValueKind == JsonValueKind.Object && (member.NameEquals("data") || member.NameEquals("stringData")))
            {
                WriteMembers(member, writer, _ => true);
            }
            else if (member.Value.ValueKind == JsonValueKind.Object && member.NameEquals("metadata"))
            {
                WriteMetadata(member, writer);
            }
            else
            {
                member.WriteTo(writer);
            }
        }

        writer.WriteEndObject();
    }

    private static void WriteMetadata(JsonProperty metadata, Utf8JsonWriter writer)
    {
        writer.WriteStartObject(metadata.Name);
        foreach (var member in metadata.Value.EnumerateObject())
        {
            if (member.Value.ValueKind == JsonValueKind.Object && member.NameEquals("annotations"))
            {
                WriteMembers(member, writer, annotation => annotation.NameEquals(LastAppliedConfiguration));
            }
            else
            {
                member.WriteTo(writer);
            }
        }

        writer.WriteEndObject();
    }

    private static void WriteMembers(JsonProperty map, Utf8JsonWriter writer, Func<JsonProperty, bool> redacts)
    {
        writer.WriteStartObject(map.Name);
        foreach (var entry in map.Value.EnumerateObject())
        {
            if (redacts(entry))
            {
                writer.WriteString(entry.Name, RedactedValue);
            }
            else
            {
                entry.WriteTo(writer);
            }
        }

        writer.WriteEndObject();
    }
}
