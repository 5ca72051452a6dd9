namespace KubeFleet;

/// <summary>
/// Ages as kubectl's AGE column prints them (<c>45s</c>, <c>7m12s</c>, <c>5h3m</c>, <c>12d</c>,
/// <c>2y31d</c>): precise while an object is young, coarser as it gets older, so that a column of
/// ages stays short. The KubeResource table view uses it.
/// </summary>
public static class KubeResourceAge
{
    private const int HoursPerYear = 24 * 365;

    /// <summary>The age in kubectl's words; <c>&lt;unknown&gt;</c> without one, <c>&lt;invalid&gt;</c> for a creation time in the future.</summary>
    public static string Format(TimeSpan? age)
    {
        if (age is not { } value)
        {
            return "<unknown>";
        }

        // Clocks of the client and the cluster differ a little: a second ahead still reads as now.
        var seconds = (long)value.TotalSeconds;
        if (seconds < -1)
        {
            return "<invalid>";
        }

        if (seconds < 0)
        {
            return "0s";
        }

        if (seconds < 2 * 60)
        {
            return $"{seconds}s";
        }

        var minutes = seconds / 60;
        if (minutes < 10)
        {
            return WithRemainder(minutes, "m", seconds % 60, "s");
        }

        if (minutes < 3 * 60)
        {
            return $"{minutes}m";
        }

        var hours = minutes / 60;
        if (hours < 8)
        {
            return WithRemainder(hours, "h", minutes % 60, "m");
        }

        if (hours < 48)
        {
            return $"{hours}h";
        }

        if (hours < 24 * 8)
        {
            return WithRemainder(hours / 24, "d", hours % 24, "h");
        }

        if (hours < 2 * HoursPerYear)
        {
            return $"{hours / 24}d";
        }

        if (hours < 8 * HoursPerYear)
        {
            return WithRemainder(hours / HoursPerYear, "y", hours / 24 % 365, "d");
        }

        return $"{hours / HoursPerYear}y";
    }

    private static string WithRemainder(long whole, string unit, long remainder, string remainderUnit) =>
        remainder == 0 ? $"{whole}{unit}" : $"{whole}{unit}{remainder}{remainderUnit}";
}
