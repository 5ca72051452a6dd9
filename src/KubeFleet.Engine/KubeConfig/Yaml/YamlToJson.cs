using System.Text;
using System.Text.Json;

namespace KubeFleet.Engine.KubeConfig.Yaml;

/// <summary>A YAML value as JSON text, resolving plain scalars as kubectl does.</summary>
internal static class YamlToJson
{
    public static string Convert(YamlValue value)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, value);
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Write(Utf8JsonWriter writer, YamlValue value)
    {
        switch (value)
        {
            case YamlMapping mapping:
                writer.WriteStartObject();
                foreach (var (key, item) in mapping.Entries)
                {
                    writer.WritePropertyName(key);
                    Write(writer, item);
                }
                writer.WriteEndObject();
                break;
            case YamlSequence sequence:
                writer.WriteStartArray();
                foreach (var item in sequence.Items)
                {
                    Write(writer, item);
                }
                writer.WriteEndArray();
                break;
            case YamlScalar scalar when scalar.IsNull:
                writer.WriteNullValue();
                break;
            case YamlScalar scalar when YamlScalarResolution.TryGetBoolean(scalar, out var boolean):
                writer.WriteBooleanValue(boolean);
                break;
            case YamlScalar scalar when YamlScalarResolution.IsJsonNumber(scalar):
                writer.WriteRawValue(scalar.Text, skipInputValidation: true);
                break;
            case YamlScalar scalar:
                writer.WriteStringValue(scalar.Text);
                break;
        }
    }
}
