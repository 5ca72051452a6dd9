using System.Reflection;

namespace KubeFleet.Tests;

/// <summary>Where the checkout and the built module folder are, whatever the build's artifacts path.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } =
        typeof(RepositoryPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!;

    public static string ModuleFolder { get; } = Path.Combine(Root, "out", "KubeFleet");

    public static string CmdletDocs { get; } = Path.Combine(Root, "docs", "cmdlets");
}
