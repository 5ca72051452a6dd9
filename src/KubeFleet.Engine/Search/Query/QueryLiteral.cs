using System.Globalization;

namespace KubeFleet.Engine.Search.Query;

public enum QueryLiteralKind
{
    String,
    Number,
    Boolean,
}

/// <summary>A value written in a query: a quoted string, a number, or <c>true</c>/<c>false</c>.</summary>
/// <param name="Text">The string's content, or the number or boolean as written.</param>
/// <param name="Position">Zero-based offset of the value in the query.</param>
public sealed record QueryLiteral(QueryLiteralKind Kind, string Text, int Position)
{
    /// <summary>Set when the value is a number, or a string holding one.</summary>
    internal double? Number { get; } =
        double.TryParse(Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : null;

    /// <summary>Set when the value is a string holding an RFC 3339 time or a date.</summary>
    internal DateTimeOffset? Instant { get; } =
        Kind == QueryLiteralKind.String && Rfc3339.TryParse(Text, out var instant) ? instant : null;
}
