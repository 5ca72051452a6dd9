using System.Globalization;

namespace KubeFleet.Engine.Search.Query;

/// <summary>
/// Recursive-descent parser of the query dialect:
/// <code>
/// query      := [ "select" "*" "from" "resources" "where" ] condition [ "order" "by" ordering ("," ordering)* ]
/// condition  := conjunction ( "or" conjunction )*
/// conjunction:= primary ( "and" primary )*
/// primary    := "(" condition ")" | "contains" "(" column "," string ")" | predicate
/// predicate  := column ( compare value | ("=" | "!=" | "&lt;&gt;") "missing"
///                      | ["not"] "in" "(" value ("," value)* ")" | ["not"] "like" string
///                      | ["not"] "between" value "and" value )
/// ordering   := column [ "asc" | "desc" ]
/// </code>
/// Keywords and the named columns ignore case. Every failure is a <see cref="QueryInvalidException"/>
/// at the token that does not fit, saying what fits there.
/// </summary>
internal sealed class QueryParser
{
    private static readonly HashSet<string> ReservedWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "select", "from", "where", "and", "or", "not", "in", "like", "between", "missing", "order", "by", "asc", "desc", "true", "false",
    };

    private readonly string query;
    private readonly List<QueryToken> tokens;
    private int position;

    private QueryParser(string query)
    {
        this.query = query;
        tokens = QueryTokenizer.Tokenize(query);
    }

    private QueryToken Current => tokens[position];

    public static (QueryCondition Condition, IReadOnlyList<QueryOrdering> OrderBy) Parse(string query) =>
        new QueryParser(query).ParseQuery();

    private (QueryCondition, IReadOnlyList<QueryOrdering>) ParseQuery()
    {
        if (Current.Kind == QueryTokenKind.End)
            throw Invalid(Current, "the query is empty: expected a condition such as kind='Pod'");
        if (Current.IsKeyword("select"))
            ParseSelectClause();
        var condition = ParseCondition();
        var orderBy = Current.IsKeyword("order") ? ParseOrderBy() : [];
        if (Current.Kind != QueryTokenKind.End)
        {
            var expected = orderBy.Count > 0 ? "',' and another column, or the end of the query"
                : "'and', 'or', 'order by' or the end of the query";
            throw Invalid(Current, $"expected {expected}, not {Current.Describe()}");
        }
        return (condition, orderBy);
    }

    private void ParseSelectClause()
    {
        position++;
        if (!Current.IsSymbol("*"))
            throw Invalid(Current, $"expected '*' after 'select' (a search returns whole resources), not {Current.Describe()}");
        position++;
        ExpectKeyword("from", "after 'select *'");
        if (!Current.IsKeyword("resources"))
            throw Invalid(Current, $"expected 'resources' after 'from' (the only table), not {Current.Describe()}");
        position++;
        if (!Current.IsKeyword("where"))
            throw Invalid(Current, $"expected 'where' and a condition (the where clause is required), not {Current.Describe()}");
        position++;
    }

    private QueryCondition ParseCondition()
    {
        var alternatives = new List<QueryCondition> { ParseConjunction() };
        while (Current.IsKeyword("or"))
        {
            position++;
            alternatives.Add(ParseConjunction());
        }
        return alternatives.Count == 1 ? alternatives[0] : new AnyOfCondition(alternatives);
    }

    private QueryCondition ParseConjunction()
    {
        var conditions = new List<QueryCondition> { ParsePrimary() };
        while (Current.IsKeyword("and"))
        {
            position++;
            conditions.Add(ParsePrimary());
        }
        return conditions.Count == 1 ? conditions[0] : new AllOfCondition(conditions);
    }

    private QueryCondition ParsePrimary()
    {
        if (Current.IsSymbol("("))
        {
            position++;
            var inner = ParseCondition();
            ExpectSymbol(")", "to close the parenthesis");
            return inner;
        }
        if (Current.IsKeyword("contains") && tokens[position + 1].IsSymbol("("))
            return ParseContains();
        if (Current.IsKeyword("not"))
            throw Invalid(Current, "expected a condition, not 'not': negate with !=, not in, not like or not between");
        var column = ParseColumn("a condition such as kind='Pod'");
        return ParsePredicate(column);
    }

    private ContainsCondition ParseContains()
    {
        position += 2;
        var column = ParseColumn("a column as the first argument of contains, as in contains(content, 'text')");
        ExpectSymbol(",", "between the column and the text of contains");
        var text = ParseString("as the text to look for");
        ExpectSymbol(")", "to close contains(");
        return new ContainsCondition(column, text);
    }

    private QueryCondition ParsePredicate(QueryColumn column)
    {
        var token = Current;
        if (token.Kind == QueryTokenKind.Symbol && ComparisonOf(token.Text) is { } comparison)
        {
            position++;
            if (Current.IsKeyword("missing") && comparison is ComparisonOperator.Equal or ComparisonOperator.NotEqual)
            {
                position++;
                return new MissingCondition(column, Negated: comparison == ComparisonOperator.NotEqual);
            }
            return new ComparisonCondition(column, comparison, ParseValue(column, $"after '{token.Text}'"));
        }
        var negated = false;
        if (token.IsKeyword("not"))
        {
            negated = true;
            position++;
        }
        if (Current.IsKeyword("in"))
        {
            position++;
            return new InCondition(column, ParseValueList(column), negated);
        }
        if (Current.IsKeyword("like"))
        {
            position++;
            return new LikeCondition(column, ParseString("as the pattern after 'like'"), negated);
        }
        if (Current.IsKeyword("between"))
        {
            position++;
            var low = ParseValue(column, "after 'between'");
            ExpectKeyword("and", "between the two ends of 'between'");
            var high = ParseValue(column, "after 'and'");
            return new BetweenCondition(column, low, high, negated);
        }
        var expectation = negated
            ? "'in', 'like' or 'between' after 'not'"
            : $"an operator after the column '{column.Text}': =, !=, <, <=, >, >=, [not] in, [not] like, [not] between, = missing or != missing";
        throw Invalid(Current, $"expected {expectation}, not {Current.Describe()}");
    }

    private List<QueryLiteral> ParseValueList(QueryColumn column)
    {
        ExpectSymbol("(", "after 'in'");
        var values = new List<QueryLiteral> { ParseValue(column, "in the list") };
        while (Current.IsSymbol(","))
        {
            position++;
            values.Add(ParseValue(column, "after ','"));
        }
        ExpectSymbol(")", "or ',' in the list");
        return values;
    }

    private List<QueryOrdering> ParseOrderBy()
    {
        position++;
        ExpectKeyword("by", "after 'order'");
        var orderings = new List<QueryOrdering>();
        do
        {
            if (orderings.Count > 0)
                position++;
            var column = ParseColumn("a column to order by");
            var descending = false;
            if (Current.IsKeyword("desc") || Current.IsKeyword("asc"))
            {
                descending = Current.IsKeyword("desc");
                position++;
            }
            orderings.Add(new QueryOrdering(column, descending));
        }
        while (Current.IsSymbol(","));
        return orderings;
    }

    private QueryColumn ParseColumn(string expectation)
    {
        var token = Current;
        var isColumn = token.Kind == QueryTokenKind.QuotedColumn
            || (token.Kind == QueryTokenKind.Word && !ReservedWords.Contains(token.Text));
        if (!isColumn)
            throw Invalid(token, $"expected {expectation}, not {token.Describe()}");
        var column = QueryColumn.Resolve(token.Text, token.Position, out var problem)
            ?? throw Invalid(token, problem!);
        position++;
        return column;
    }

    private QueryLiteral ParseValue(QueryColumn column, string where)
    {
        var token = Current;
        QueryLiteral literal;
        switch (token.Kind)
        {
            case QueryTokenKind.String:
                literal = new QueryLiteral(QueryLiteralKind.String, token.Text, token.Position);
                break;
            case QueryTokenKind.Number when IsNumber(token.Text):
                literal = new QueryLiteral(QueryLiteralKind.Number, token.Text, token.Position);
                break;
            case QueryTokenKind.Word when token.IsKeyword("true") || token.IsKeyword("false"):
                literal = new QueryLiteral(QueryLiteralKind.Boolean, token.Text.ToLowerInvariant(), token.Position);
                break;
            case QueryTokenKind.Number:
                throw Invalid(token, $"'{token.Text}' is not a number: quote it if it is text, as in '{token.Text}'");
            case QueryTokenKind.Word or QueryTokenKind.QuotedColumn when !ReservedWords.Contains(token.Text):
                throw Invalid(token, $"expected a value {where}, not the column '{token.Text}': quote text values, as in '{token.Text}'");
            default:
                throw Invalid(token, $"expected a value {where} (a quoted string, a number, true or false), not {token.Describe()}");
        }
        if (column.IsTime && literal.Instant is null)
            throw Invalid(token, $"expected an RFC 3339 time for '{column.Text}', such as '2024-01-01T18:00:00Z' or '2024-01-01', not {token.Describe()}");
        position++;
        return literal;
    }

    private static bool IsNumber(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    private QueryLiteral ParseString(string where)
    {
        var token = Current;
        if (token.Kind != QueryTokenKind.String)
            throw Invalid(token, $"expected a quoted string {where}, not {token.Describe()}");
        position++;
        return new QueryLiteral(QueryLiteralKind.String, token.Text, token.Position);
    }

    private void ExpectKeyword(string keyword, string where)
    {
        if (!Current.IsKeyword(keyword))
            throw Invalid(Current, $"expected '{keyword}' {where}, not {Current.Describe()}");
        position++;
    }

    private void ExpectSymbol(string symbol, string where)
    {
        if (!Current.IsSymbol(symbol))
            throw Invalid(Current, $"expected '{symbol}' {where}, not {Current.Describe()}");
        position++;
    }

    private static ComparisonOperator? ComparisonOf(string symbol) => symbol switch
    {
        "=" or "==" => ComparisonOperator.Equal,
        "!=" or "<>" => ComparisonOperator.NotEqual,
        "<" => ComparisonOperator.Less,
        "<=" => ComparisonOperator.LessOrEqual,
        ">" => ComparisonOperator.Greater,
        ">=" => ComparisonOperator.GreaterOrEqual,
        _ => null,
    };

    private QueryInvalidException Invalid(QueryToken token, string problem) => new(query, token.Position, problem);
}
