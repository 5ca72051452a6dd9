using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace KubeFleet.Engine.Search.Query;

/// <summary>Times as Kubernetes writes them (RFC 3339), and a plain date meaning midnight UTC.</summary>
internal static class Rfc3339
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFFFK",
        "yyyy-MM-dd",
    ];

    public static bool TryParse(string text, [NotNullWhen(true)] out DateTimeOffset? instant)
    {
        if (DateTimeOffset.TryParseExact(text, Formats, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            instant = parsed;
            return true;
        }
        instant = null;
        return false;
    }

    /// <summary>The form the API server writes: seconds, UTC, <c>Z</c>.</summary>
    public static string Format(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
