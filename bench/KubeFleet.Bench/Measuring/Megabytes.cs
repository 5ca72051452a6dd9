namespace KubeFleet.Bench.Measuring;

/// <summary>Sizes as the record shows them: MB of 2^20 bytes, one decimal.</summary>
internal static class Megabytes
{
    public static double Of(long bytes) => Math.Round(bytes / (1024.0 * 1024.0), 1);
}
