using KubeFleet.Engine.Errors;

namespace KubeFleet.Bench.Runs;

/// <summary>
/// A versioned kubectl. <c>kubectl</c> on PATH may be a dispatcher that picks a version per server;
/// the versioned binaries sit beside its real target (<c>kubectl.1.27</c> … <c>kubectl.1.33</c>).
/// The benchmark runs one directly, so the dispatcher's own start-up is not counted against kubectl.
/// </summary>
internal static class KubectlBinary
{
    /// <exception cref="KubeFleetException">BenchToolMissing.</exception>
    public static string ForMinor(int minor)
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, "kubectl"))
            .FirstOrDefault(File.Exists)
            ?? throw Missing($"kubectl is not on PATH; install kubectl 1.{minor}.");
        var target = File.ResolveLinkTarget(onPath, returnFinalTarget: true)?.FullName ?? onPath;
        var versioned = Path.Combine(Path.GetDirectoryName(target)!, $"kubectl.1.{minor}");
        return File.Exists(versioned) ? versioned : onPath;
    }

    private static KubeFleetException Missing(string message) =>
        new(BenchErrors.ToolMissing, ErrorKind.NotInstalled, message, "kubectl");
}
