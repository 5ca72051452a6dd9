using KubeFleet.Engine.Profile;

namespace KubeFleet.Bench.Fleets;

/// <summary>
/// The process's folders with no variables at all, so a benchmark's temporary profile never picks
/// up the user's KUBEFLEET_PROFILE or KUBEFLEET_PROFILE_KEY: it seals with a key file of its own.
/// </summary>
internal sealed class BenchProfileEnvironment : IProfileEnvironment
{
    public static BenchProfileEnvironment Instance { get; } = new();

    private BenchProfileEnvironment()
    {
    }

    public bool IsWindows => OperatingSystem.IsWindows();

    public string? GetVariable(string name) => null;

    public string GetFolderPath(Environment.SpecialFolder folder) =>
        Environment.GetFolderPath(folder, Environment.SpecialFolderOption.DoNotVerify);
}
