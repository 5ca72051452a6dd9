namespace KubeFleet.Tests.Harness.Fixtures;

/// <summary>The output of the harness's own test cmdlets.</summary>
public sealed class HarnessItem(string name, string? description = null)
{
    public string Name { get; } = name;

    public string? Description { get; } = description;
}
