using KubeFleet.Engine.Profile;

namespace KubeFleet.Engine.Tests.Profile;

/// <summary>An environment whose variables and folders a test chooses; the real ones are never read.</summary>
internal sealed class TestProfileEnvironment : IProfileEnvironment
{
    private readonly Dictionary<string, string> variables = new(StringComparer.Ordinal);

    public bool IsWindows { get; init; } = OperatingSystem.IsWindows();

    public string Home { get; init; } = "";

    public string AppData { get; init; } = "";

    public TestProfileEnvironment With(string name, string value)
    {
        variables[name] = value;
        return this;
    }

    public string? GetVariable(string name) => variables.GetValueOrDefault(name);

    public string GetFolderPath(Environment.SpecialFolder folder) => folder switch
    {
        Environment.SpecialFolder.ApplicationData => AppData,
        Environment.SpecialFolder.UserProfile => Home,
        _ => "",
    };
}
