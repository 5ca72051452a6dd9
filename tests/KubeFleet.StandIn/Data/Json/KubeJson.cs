using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace KubeFleet.StandIn.Data.Json;

/// <summary>
/// How the stand-in writes Kubernetes JSON: compact, map keys sorted byte-wise, timestamps in the API's two
/// formats, and only the escaping JSON requires (the default encoder would turn <c>+</c> into <c>\u002B</c>;
/// Go does not).
/// </summary>
internal static class KubeJson
{
    public static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    /// <summary>metav1.Time: RFC 3339 in UTC, whole seconds.</summary>
    public static string Time(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static void WriteTime(this Utf8JsonWriter writer, string name, DateTimeOffset instant) =>
        writer.WriteString(name, Time(instant));

    /// <summary>A string map with its keys in Go's order (byte-wise), as encoding/json writes maps.</summary>
    public static void WriteStringMap(this Utf8JsonWriter writer, string name, IEnumerable<KeyValuePair<string, string>> entries)
    {
        var sorted = entries.ToArray();
        Array.Sort(sorted, static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        writer.WriteStartObject(name);
        foreach (var (key, value) in sorted)
        {
            writer.WriteString(key, value);
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes the map only when it has entries (the field is <c>omitempty</c>).</summary>
    public static void WriteStringMapIfAny(this Utf8JsonWriter writer, string name, IReadOnlyCollection<KeyValuePair<string, string>>? entries)
    {
        if (entries is { Count: > 0 })
        {
            writer.WriteStringMap(name, entries);
        }
    }

    public static void WriteStringArray(this Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    public static void WriteStringIfAny(this Utf8JsonWriter writer, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            writer.WriteString(name, value);
        }
    }

    public static void WriteEmptyObject(this Utf8JsonWriter writer, string name)
    {
        writer.WriteStartObject(name);
        writer.WriteEndObject();
    }
}
