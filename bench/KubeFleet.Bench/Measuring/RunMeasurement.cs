namespace KubeFleet.Bench.Measuring;

/// <summary>
/// What one run of one client over a fleet measured, printed as one JSON line
/// (<c>{"results":N,"clusters":C,"errors":E,"firstResultMs":T1,"totalMs":T,"peakWorkingSetMB":M}</c>)
/// (see <see cref="BenchJson"/>) so a parent process, or a person, can read it.
/// </summary>
/// <param name="Results">Objects delivered to the consumer.</param>
/// <param name="Clusters">Clusters searched.</param>
/// <param name="Errors">Failures reported (a cluster that failed or timed out, a list refused).</param>
/// <param name="FirstResultMs">From the start until the first object reached the consumer; null when none did.</param>
/// <param name="TotalMs">From the start until the last cluster was done.</param>
/// <param name="PeakWorkingSetMB">The client's peak resident memory: its own process, or the sum over kubectl processes.</param>
/// <param name="Bytes">Bytes of list bodies received, for the runs that count them.</param>
/// <param name="CpuMs">The client process's CPU time (user and kernel) over the run, for the runs in this process.</param>
internal sealed record RunMeasurement(
    long Results,
    int Clusters,
    int Errors,
    double? FirstResultMs,
    double TotalMs,
    double PeakWorkingSetMB,
    long? Bytes = null,
    double? CpuMs = null)
{
    public static double Milliseconds(TimeSpan elapsed) => Math.Round(elapsed.TotalMilliseconds, 1);
}
