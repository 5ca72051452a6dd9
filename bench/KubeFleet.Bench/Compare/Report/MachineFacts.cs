using System.Globalization;
using System.Runtime.InteropServices;

namespace KubeFleet.Bench.Compare.Report;

/// <summary>What the record says about the machine: the numbers only mean something next to it.</summary>
internal static class MachineFacts
{
    public static string Describe() =>
        $"{Environment.ProcessorCount} cores ({CpuModel()}), {MemoryGiB()} GiB memory, {RuntimeInformation.OSDescription}, .NET {Environment.Version}";

    /// <summary>The 1, 5 and 15 minute load averages: on a shared machine they say how quiet the run was.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string CpuModel() =>
        File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(line => line.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU"
            : RuntimeInformation.ProcessArchitecture.ToString();

    private static string MemoryGiB()
    {
        var total = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        return (total / (1024.0 * 1024 * 1024)).ToString("0.0", CultureInfo.InvariantCulture);
    }
}
