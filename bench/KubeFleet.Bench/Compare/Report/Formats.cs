using System.Globalization;

namespace KubeFleet.Bench.Compare.Report;

/// <summary>How numbers read in the record.</summary>
internal static class Formats
{
    public static string Seconds(double seconds) => seconds.ToString("0.00", CultureInfo.InvariantCulture) + " s";

    public static string Milliseconds(double? milliseconds) =>
        milliseconds is { } value ? value.ToString("0", CultureInfo.InvariantCulture) + " ms" : "–";

    public static string Megabytes(double megabytes) => megabytes.ToString("0", CultureInfo.InvariantCulture) + " MB";

    public static string Ratio(double ratio) => ratio.ToString(ratio < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture) + "×";

    public static string Count(long count) => count.ToString("N0", CultureInfo.InvariantCulture);

    public static string Rate(double perSecond) => perSecond.ToString("N0", CultureInfo.InvariantCulture);
}
