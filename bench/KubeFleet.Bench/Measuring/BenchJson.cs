using System.Text.Json;
using System.Text.Json.Serialization;

namespace KubeFleet.Bench.Measuring;

/// <summary>How every measurement is printed: one line of camelCase JSON, absent values left out.</summary>
internal static class BenchJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Line<T>(T measurement) => JsonSerializer.Serialize(measurement, Options);

    /// <exception cref="JsonException">The line is not a <typeparamref name="T"/>.</exception>
    public static T Parse<T>(string line) =>
        JsonSerializer.Deserialize<T>(line, Options) ?? throw new JsonException($"The line holds null, not a {typeof(T).Name}.");
}
