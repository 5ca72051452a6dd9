using System.Text.Json;

namespace KubeFleet.Engine.Profile;

/// <summary>
/// How the profile and its exports write optional members: a member that is not set, false or
/// empty is left out, so files stay as small as what they say.
/// </summary>
internal static class JsonWriterExtensions
{
    public static void WriteIfSet(this Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    public static void WriteIfSet(this Utf8JsonWriter writer, string name, bool value)
    {
        if (value)
        {
            writer.WriteBoolean(name, value);
        }
    }

    /// <summary>Writes the strings as an array.</summary>
    public static void WriteIfAny(this Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        if (!values.Any())
        {
            return;
        }

        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes the entries as an object of strings (labels, for one).</summary>
    public static void WriteIfAny(this Utf8JsonWriter writer, string name, IEnumerable<KeyValuePair<string, string>> entries)
    {
        if (!entries.Any())
        {
            return;
        }

        writer.WriteStartObject(name);
        foreach (var (key, value) in entries)
        {
            writer.WriteString(key, value);
        }

        writer.WriteEndObject();
    }
}
