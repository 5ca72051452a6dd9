using System.Diagnostics;

namespace KubeFleet.Bench.Measuring;

/// <summary>
/// This process's peak working set (Linux: VmHWM). The peak can be reset (Linux 4.0+), so a run
/// that sets up first (registers a fleet, warms up) measures only what comes after.
/// </summary>
internal static class OwnPeakMemory
{
    /// <summary>Forgets the peak so far; false where the system cannot (the peak then covers the whole process).</summary>
    public static bool TryReset()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            // 5 resets the peak resident set size to the current one (proc(5), clear_refs).
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    public static double PeakMegabytes()
    {
        using var self = Process.GetCurrentProcess();
        return Megabytes.Of(self.PeakWorkingSet64);
    }
}
