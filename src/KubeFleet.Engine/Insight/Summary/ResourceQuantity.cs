using System.Globalization;

namespace KubeFleet.Engine.Insight.Summary;

/// <summary>
/// Kubernetes resource quantities (apimachinery <c>resource.Quantity</c>): a signed decimal number
/// and a suffix that is binary (<c>Ki</c> … <c>Ei</c>), decimal (<c>n u m k M G T P E</c>) or an
/// exponent (<c>e3</c>, <c>E-2</c>): <c>3920m</c> CPU is 3.92 cores, <c>16069064Ki</c> memory is
/// 16454721536 bytes.
/// </summary>
public static class ResourceQuantity
{
    private static readonly Dictionary<string, decimal> Suffixes = new(StringComparer.Ordinal)
    {
        [""] = 1m,
        ["n"] = 0.000000001m,
        ["u"] = 0.000001m,
        ["m"] = 0.001m,
        ["k"] = 1e3m,
        ["M"] = 1e6m,
        ["G"] = 1e9m,
        ["T"] = 1e12m,
        ["P"] = 1e15m,
        ["E"] = 1e18m,
        ["Ki"] = 1024m,
        ["Mi"] = 1024m * 1024,
        ["Gi"] = 1024m * 1024 * 1024,
        ["Ti"] = 1024m * 1024 * 1024 * 1024,
        ["Pi"] = 1024m * 1024 * 1024 * 1024 * 1024,
        ["Ei"] = 1024m * 1024 * 1024 * 1024 * 1024 * 1024,
    };

    /// <summary>The quantity's value, or false when the text is not a quantity or too large for a decimal.</summary>
    public static bool TryParse(string? text, out decimal value)
    {
        value = 0;
        if (string.IsNullOrEmpty(text))
            return false;
        var numberEnd = 0;
        if (text[0] is '+' or '-')
            numberEnd++;
        var digits = 0;
        while (numberEnd < text.Length && (char.IsAsciiDigit(text[numberEnd]) || text[numberEnd] == '.'))
        {
            digits += char.IsAsciiDigit(text[numberEnd]) ? 1 : 0;
            numberEnd++;
        }
        if (digits == 0 || text.AsSpan(0, numberEnd).Count('.') > 1
            || !decimal.TryParse(text.AsSpan(0, numberEnd), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            return false;
        var suffix = text[numberEnd..];
        try
        {
            if (Suffixes.TryGetValue(suffix, out var factor))
            {
                value = number * factor;
                return true;
            }
            if (suffix.Length > 1 && suffix[0] is 'e' or 'E'
                && int.TryParse(suffix.AsSpan(1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var exponent)
                && Math.Abs(exponent) <= 28)
            {
                value = number * Pow10(exponent);
                return true;
            }
        }
        catch (OverflowException)
        {
            return false;
        }
        return false;
    }

    /// <summary>A memory or storage quantity as whole bytes, rounded up as Kubernetes rounds (<c>Quantity.Value</c>).</summary>
    public static bool TryParseBytes(string? text, out long bytes)
    {
        bytes = 0;
        if (!TryParse(text, out var value) || Math.Ceiling(value) > long.MaxValue || Math.Ceiling(value) < long.MinValue)
            return false;
        bytes = (long)Math.Ceiling(value);
        return true;
    }

    private static decimal Pow10(int exponent)
    {
        var result = 1m;
        for (var step = 0; step < Math.Abs(exponent); step++)
            result = exponent > 0 ? result * 10 : result / 10;
        return result;
    }
}
