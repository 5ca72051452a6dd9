using System.Globalization;
using KubeFleet.Engine.Errors;

namespace KubeFleet.StandIn.Hosting;

/// <summary>Durations as people type them on a command line: <c>200ms</c>, <c>30s</c>, <c>15m</c>, <c>2h</c>.</summary>
public static class DurationText
{
    private static readonly (string Suffix, double Milliseconds)[] Units = [("ms", 1), ("s", 1000), ("m", 60_000), ("h", 3_600_000)];

    public static TimeSpan Parse(string text, string what)
    {
        foreach (var (suffix, milliseconds) in Units)
        {
            if (text.EndsWith(suffix, StringComparison.Ordinal)
                && !(suffix == "s" && text.EndsWith("ms", StringComparison.Ordinal))
                && double.TryParse(text[..^suffix.Length], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
            {
                return TimeSpan.FromMilliseconds(amount * milliseconds);
            }
        }

        throw new KubeFleetException("StandInDurationInvalid", ErrorKind.InvalidArgument,
            $"'{text}' is not a duration for {what}: write a number with a unit, e.g. 200ms, 30s, 15m or 2h.", text);
    }
}
