using System.Diagnostics;

namespace KubeFleet.Bench.Measuring;

/// <summary>
/// This process's CPU time, user and kernel, over all its threads. On two cores shared with the
/// stand-in it tells the client's work from its waiting.
/// </summary>
internal static class OwnCpu
{
    public static TimeSpan Used()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }
}
