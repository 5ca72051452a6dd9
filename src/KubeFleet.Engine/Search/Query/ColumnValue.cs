using System.Globalization;
using System.Text.Json;

namespace KubeFleet.Engine.Search.Query;

internal enum ColumnValueKind
{
    Text,
    Number,
    Boolean,
    Instant,
    Structured,
}

/// <summary>One value of a column in a row; a column has none when it is missing, several for arrays.</summary>
/// <param name="Text">The value as text: numbers as written in the JSON, times in RFC 3339, objects and arrays as JSON.</param>
internal readonly record struct ColumnValue(ColumnValueKind Kind, string Text, double Number = 0, DateTimeOffset Instant = default)
{
    public static ColumnValue OfText(string text) => new(ColumnValueKind.Text, text);

    public static ColumnValue OfInstant(DateTimeOffset instant) => new(ColumnValueKind.Instant, Rfc3339.Format(instant), Instant: instant);

    /// <summary>A JSON value; null stands for a missing value.</summary>
    public static ColumnValue? OfJson(JsonElement json) => json.ValueKind switch
    {
        JsonValueKind.String => OfText(json.GetString()!),
        JsonValueKind.Number => new ColumnValue(ColumnValueKind.Number, json.GetRawText(), json.GetDouble()),
        JsonValueKind.True => new ColumnValue(ColumnValueKind.Boolean, "true"),
        JsonValueKind.False => new ColumnValue(ColumnValueKind.Boolean, "false"),
        JsonValueKind.Object or JsonValueKind.Array => new ColumnValue(ColumnValueKind.Structured, json.GetRawText()),
        _ => null,
    };

    /// <summary>
    /// Orders this value against a literal, or null when they cannot be compared (then only the
    /// negated predicates hold). Numbers compare numerically, including text that holds a number
    /// when the other side is a number; times, and text holding RFC 3339 times, chronologically;
    /// everything else as text.
    /// </summary>
    public int? CompareTo(QueryLiteral literal, StringComparison comparison)
    {
        switch (Kind)
        {
            case ColumnValueKind.Structured:
                return null;
            case ColumnValueKind.Instant:
                return literal.Instant is { } instant ? Instant.CompareTo(instant) : null;
        }
        if (Kind == ColumnValueKind.Number || literal.Kind == QueryLiteralKind.Number)
            return TryGetNumber(out var number) && literal.Number is { } other ? number.CompareTo(other) : null;
        if (literal.Instant is { } literalInstant && Rfc3339.TryParse(Text, out var textInstant))
            return textInstant.Value.CompareTo(literalInstant);
        return string.Compare(Text, literal.Text, comparison);
    }

    /// <summary>
    /// Orders two values of a column, for <c>order by</c>: values of one kind by their nature
    /// (numbers numerically, times chronologically), values of different kinds by kind, so that
    /// the order stays consistent whatever the mix.
    /// </summary>
    public int CompareTo(ColumnValue other, StringComparison comparison)
    {
        if (Kind != other.Kind)
            return Kind.CompareTo(other.Kind);
        return Kind switch
        {
            ColumnValueKind.Number => Number.CompareTo(other.Number),
            ColumnValueKind.Instant => Instant.CompareTo(other.Instant),
            _ => string.Compare(Text, other.Text, comparison),
        };
    }

    private bool TryGetNumber(out double number)
    {
        number = Number;
        return Kind == ColumnValueKind.Number
            || (Kind == ColumnValueKind.Text && double.TryParse(Text, NumberStyles.Float, CultureInfo.InvariantCulture, out number));
    }
}
