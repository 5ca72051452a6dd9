using System.Globalization;
using System.Text;

namespace KubeFleet.Engine.Selectors;

/// <summary>
/// The few pieces of Go's text formatting that the API server's selector messages are made of, so
/// that the stand-in answers with byte-identical texts and the engine can show them unchanged.
/// </summary>
internal static class GoText
{
    /// <summary>Go's <c>strconv.Quote</c> (what <c>%q</c> prints for a string).</summary>
    public static string Quote(string value)
    {
        var quoted = new StringBuilder(value.Length + 2).Append('"');
        foreach (var rune in value.EnumerateRunes())
        {
            switch (rune.Value)
            {
                case '"': quoted.Append("\\\""); break;
                case '\\': quoted.Append("\\\\"); break;
                case '\a': quoted.Append("\\a"); break;
                case '\b': quoted.Append("\\b"); break;
                case '\f': quoted.Append("\\f"); break;
                case '\n': quoted.Append("\\n"); break;
                case '\r': quoted.Append("\\r"); break;
                case '\t': quoted.Append("\\t"); break;
                case '\v': quoted.Append("\\v"); break;
                default:
                    if (IsPrintable(rune))
                        quoted.Append(rune.ToString());
                    else if (rune.Value < ' ' || rune.Value == 0x7f)
                        quoted.Append("\\x").Append(rune.Value.ToString("x2", CultureInfo.InvariantCulture));
                    else if (rune.IsBmp)
                        quoted.Append("\\u").Append(rune.Value.ToString("x4", CultureInfo.InvariantCulture));
                    else
                        quoted.Append("\\U").Append(rune.Value.ToString("x8", CultureInfo.InvariantCulture));
                    break;
            }
        }
        return quoted.Append('"').ToString();
    }

    /// <summary>Go's <c>%#v</c> of a <c>[]string</c>, used by field errors about a whole value list.</summary>
    public static string StringSliceLiteral(IEnumerable<string> values) =>
        "[]string{" + string.Join(", ", values.Select(Quote)) + "}";

    /// <summary>
    /// Go sorts strings by their UTF-8 bytes, which is code-point order; .NET's ordinal order compares
    /// UTF-16 units and differs for characters above the surrogate range.
    /// </summary>
    public static int CompareByCodePoint(string left, string right)
    {
        var leftRunes = left.EnumerateRunes();
        var rightRunes = right.EnumerateRunes();
        while (true)
        {
            var leftHasMore = leftRunes.MoveNext();
            var rightHasMore = rightRunes.MoveNext();
            if (!leftHasMore || !rightHasMore)
                return leftHasMore.CompareTo(rightHasMore);
            var order = leftRunes.Current.Value.CompareTo(rightRunes.Current.Value);
            if (order != 0)
                return order;
        }
    }

    /// <summary>Go measures strings in UTF-8 bytes; the length limits of names are in bytes.</summary>
    public static int ByteLength(string value) => Encoding.UTF8.GetByteCount(value);

    // Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space only.
    private static bool IsPrintable(Rune rune)
    {
        if (rune.Value == ' ')
            return true;
        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
                or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned
                or UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator => false,
            _ => true,
        };
    }
}
