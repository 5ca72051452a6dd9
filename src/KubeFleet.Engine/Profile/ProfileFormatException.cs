namespace KubeFleet.Engine.Profile;

/// <summary>
/// A profile's JSON does not have the shape this version expects. Raised while reading, turned
/// into ProfileCorrupt or ProfileFromNewerVersion by whoever knows which file it came from.
/// </summary>
internal sealed class ProfileFormatException(string jsonPath, string problem)
    : Exception($"{jsonPath} {problem}")
{
    public string JsonPath { get; } = jsonPath;
}
