namespace KubeFleet.Engine.Search.Query;

internal enum QueryTokenKind
{
    End,
    Word,
    QuotedColumn,
    String,
    Number,
    Symbol,
}

/// <param name="Text">The word, the symbol, or the string's or column's unescaped content.</param>
/// <param name="Position">Zero-based offset of the token's first character in the query.</param>
internal sealed record QueryToken(QueryTokenKind Kind, string Text, int Position)
{
    public bool IsKeyword(string keyword) =>
        Kind == QueryTokenKind.Word && string.Equals(Text, keyword, StringComparison.OrdinalIgnoreCase);

    public bool IsSymbol(string symbol) => Kind == QueryTokenKind.Symbol && Text == symbol;

    /// <summary>How the token reads in an error message.</summary>
    public string Describe() => Kind switch
    {
        QueryTokenKind.End => "the end of the query",
        QueryTokenKind.String => $"the string '{Text}'",
        QueryTokenKind.QuotedColumn => $"the column `{Text}`",
        QueryTokenKind.Number => $"the number {Text}",
        _ => $"'{Text}'",
    };
}
