using System.Text;

namespace KubeFleet.Engine.Search.Query;

/// <summary>
/// Splits a query into words (keywords and bare column names), back-quoted column names, quoted
/// strings, numbers and symbols.
/// </summary>
internal static class QueryTokenizer
{
    private static readonly string[] Symbols = ["<=", ">=", "<>", "!=", "==", "=", "<", ">", "(", ")", ",", "*"];

    public static List<QueryToken> Tokenize(string query)
    {
        var tokens = new List<QueryToken>();
        var position = 0;
        while (true)
        {
            while (position < query.Length && char.IsWhiteSpace(query[position]))
                position++;
            if (position == query.Length)
            {
                tokens.Add(new QueryToken(QueryTokenKind.End, "", position));
                return tokens;
            }
            var token = Next(query, position);
            tokens.Add(token.Token);
            position = token.End;
        }
    }

    private static (QueryToken Token, int End) Next(string query, int start)
    {
        var first = query[start];
        if (first is '\'' or '"')
            return ReadString(query, start);
        if (first == '`')
            return ReadQuotedColumn(query, start);
        if (char.IsAsciiDigit(first) || (first is '-' or '+' or '.' && start + 1 < query.Length && char.IsAsciiDigit(query[start + 1])))
            return ReadNumber(query, start);
        if (IsWordStart(first))
        {
            var end = start + 1;
            while (end < query.Length && IsWordPart(query[end]))
                end++;
            return (new QueryToken(QueryTokenKind.Word, query[start..end], start), end);
        }
        foreach (var symbol in Symbols)
        {
            if (string.CompareOrdinal(query, start, symbol, 0, symbol.Length) == 0)
                return (new QueryToken(QueryTokenKind.Symbol, symbol, start), start + symbol.Length);
        }
        throw new QueryInvalidException(query, start,
            $"unexpected character '{first}': expected a column, a value, an operator or a parenthesis");
    }

    /// <summary>
    /// Quoted with ' or ". A doubled quote or a backslash escapes the quote; \\, \n, \r and \t are
    /// the usual escapes; any other backslash stays, so that like patterns keep \% and \_.
    /// </summary>
    private static (QueryToken Token, int End) ReadString(string query, int start)
    {
        var quote = query[start];
        var text = new StringBuilder();
        var position = start + 1;
        while (position < query.Length)
        {
            var character = query[position];
            if (character == quote)
            {
                if (position + 1 < query.Length && query[position + 1] == quote)
                {
                    text.Append(quote);
                    position += 2;
                    continue;
                }
                return (new QueryToken(QueryTokenKind.String, text.ToString(), start), position + 1);
            }
            if (character == '\\' && position + 1 < query.Length)
            {
                var escaped = query[position + 1];
                text.Append(escaped switch
                {
                    '\'' or '"' or '\\' => escaped.ToString(),
                    'n' => "\n",
                    'r' => "\r",
                    't' => "\t",
                    _ => "\\" + escaped,
                });
                position += 2;
                continue;
            }
            text.Append(character);
            position++;
        }
        throw new QueryInvalidException(query, start, $"this string has no closing {quote}: expected {quote} to end it");
    }

    /// <summary>A column name in back-quotes, for names with characters a bare word cannot hold; `` is a back-quote.</summary>
    private static (QueryToken Token, int End) ReadQuotedColumn(string query, int start)
    {
        var name = new StringBuilder();
        var position = start + 1;
        while (position < query.Length)
        {
            if (query[position] == '`')
            {
                if (position + 1 < query.Length && query[position + 1] == '`')
                {
                    name.Append('`');
                    position += 2;
                    continue;
                }
                if (name.Length == 0)
                    throw new QueryInvalidException(query, start, "expected a column name between the back-quotes");
                return (new QueryToken(QueryTokenKind.QuotedColumn, name.ToString(), start), position + 1);
            }
            name.Append(query[position++]);
        }
        throw new QueryInvalidException(query, start, "this column name has no closing back-quote: expected ` to end it");
    }

    private static (QueryToken Token, int End) ReadNumber(string query, int start)
    {
        var end = start;
        if (query[end] is '-' or '+')
            end++;
        while (end < query.Length && (char.IsAsciiDigit(query[end]) || query[end] == '.'))
            end++;
        if (end < query.Length && query[end] is 'e' or 'E')
        {
            var exponent = end + 1;
            if (exponent < query.Length && query[exponent] is '-' or '+')
                exponent++;
            if (exponent < query.Length && char.IsAsciiDigit(query[exponent]))
            {
                end = exponent;
                while (end < query.Length && char.IsAsciiDigit(query[end]))
                    end++;
            }
        }
        if (end < query.Length && IsWordPart(query[end]))
            throw new QueryInvalidException(query, start,
                $"'{ReadWordAt(query, start)}' is neither a number nor a column: quote text values, as in '{ReadWordAt(query, start)}'");
        return (new QueryToken(QueryTokenKind.Number, query[start..end], start), end);
    }

    private static string ReadWordAt(string query, int start)
    {
        var end = start + 1;
        while (end < query.Length && IsWordPart(query[end]))
            end++;
        return query[start..end];
    }

    private static bool IsWordStart(char character) => char.IsLetter(character) || character == '_';

    // Bare column names may hold dots, dashes and slashes (labels.app.kubernetes.io/name): the
    // dialect has no arithmetic, so none of them can be an operator.
    private static bool IsWordPart(char character) => char.IsLetterOrDigit(character) || character is '_' or '.' or '-' or '/';
}
