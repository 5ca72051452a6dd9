namespace KubeFleet.Engine.Profile;

/// <summary>
/// The parts of the process environment the profile depends on: variables (where the profile and
/// its key are), the OS, and the user's folders. Tests supply their own, so they never read or
/// write the real user's profile or key.
/// </summary>
public interface IProfileEnvironment
{
    bool IsWindows { get; }

    /// <summary>The variable's value, or null when it is unset.</summary>
    string? GetVariable(string name);

    /// <summary>The folder's path, or an empty string when the system has none.</summary>
    string GetFolderPath(Environment.SpecialFolder folder);
}

/// <summary>The environment of the running process.</summary>
public sealed class SystemProfileEnvironment : IProfileEnvironment
{
    public static SystemProfileEnvironment Instance { get; } = new();

    private SystemProfileEnvironment()
    {
    }

    public bool IsWindows => OperatingSystem.IsWindows();

    public string? GetVariable(string name) => Environment.GetEnvironmentVariable(name);

    public string GetFolderPath(Environment.SpecialFolder folder) =>
        Environment.GetFolderPath(folder, Environment.SpecialFolderOption.DoNotVerify);
}
