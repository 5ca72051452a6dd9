using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace KubeFleet.Engine.Selectors;

/// <summary>
/// The API server's label selector lexer and parser (apimachinery <c>pkg/labels/selector.go</c>),
/// step for step, so that every accepted text and every error message is the server's own.
/// </summary>
internal sealed class LabelSelectorParser
{
    private const string BinaryOperatorList = "in, notin, =, ==, !=, gt, lt";

    private readonly List<(Token Kind, string Literal)> tokens;
    private int position;

    private LabelSelectorParser(string text) => tokens = new Lexer(text).ScanAll();

    private enum Token
    {
        EndOfString,
        ClosedParenthesis,
        Comma,
        DoesNotExist,
        DoubleEquals,
        EqualsSign,
        GreaterThan,
        Identifier,
        In,
        LessThan,
        NotEquals,
        NotIn,
        OpenParenthesis,
    }

    // Where "in" and "notin" are keywords: after a key they are operators, elsewhere plain values.
    private enum Context
    {
        KeyAndOperator,
        Values,
    }

    public static bool TryParse(string text, [NotNullWhen(true)] out List<LabelRequirement>? requirements, [NotNullWhen(false)] out string? error) =>
        new LabelSelectorParser(text).TryParseSelector(out requirements, out error);

    private bool TryParseSelector([NotNullWhen(true)] out List<LabelRequirement>? requirements, [NotNullWhen(false)] out string? error)
    {
        var parsed = new List<LabelRequirement>();
        requirements = null;
        while (true)
        {
            var (kind, literal) = Lookahead(Context.Values);
            switch (kind)
            {
                case Token.Identifier or Token.DoesNotExist:
                    if (!TryParseRequirement(out var requirement, out var detail))
                    {
                        error = "unable to parse requirement: " + detail;
                        return false;
                    }
                    parsed.Add(requirement);
                    var (after, afterLiteral) = Consume(Context.Values);
                    if (after == Token.EndOfString)
                        return Done(parsed, out requirements, out error);
                    if (after != Token.Comma)
                    {
                        error = $"found '{afterLiteral}', expected: ',' or 'end of string'";
                        return false;
                    }
                    var (next, nextLiteral) = Lookahead(Context.Values);
                    if (next != Token.Identifier && next != Token.DoesNotExist)
                    {
                        error = $"found '{nextLiteral}', expected: identifier after ','";
                        return false;
                    }
                    break;
                case Token.EndOfString:
                    return Done(parsed, out requirements, out error);
                default:
                    error = $"found '{literal}', expected: !, identifier, or 'end of string'";
                    return false;
            }
        }
    }

    private static bool Done(List<LabelRequirement> parsed, out List<LabelRequirement> requirements, out string? error)
    {
        // The server sorts by key so that String() is deterministic; a stable sort keeps the
        // written order of requirements on the same key, as Go's insertion sort does for small sets.
        requirements = parsed.OrderBy(requirement => requirement.Key, StringComparer.Ordinal).ToList();
        error = null;
        return true;
    }

    private bool TryParseRequirement([NotNullWhen(true)] out LabelRequirement? requirement, [NotNullWhen(false)] out string? error)
    {
        requirement = null;
        if (!TryParseKeyAndInferOperator(out var key, out var inferred, out error))
            return false;
        if (inferred is { } unary)
            return LabelRequirement.TryCreate(key, unary, [], out requirement, out error);
        if (!TryParseOperator(out var @operator, out error))
            return false;
        HashSet<string>? values;
        if (@operator is LabelOperator.In or LabelOperator.NotIn)
        {
            if (!TryParseValueSet(out values, out error))
                return false;
        }
        else if (!TryParseExactValue(out values, out error))
            return false;
        return LabelRequirement.TryCreate(key, @operator, values.Order(StringComparer.Ordinal), out requirement, out error);
    }

    private bool TryParseKeyAndInferOperator(out string key, out LabelOperator? inferred, [NotNullWhen(false)] out string? error)
    {
        key = "";
        inferred = null;
        var (kind, literal) = Consume(Context.Values);
        if (kind == Token.DoesNotExist)
        {
            inferred = LabelOperator.DoesNotExist;
            (kind, literal) = Consume(Context.Values);
        }
        if (kind != Token.Identifier)
        {
            error = $"found '{literal}', expected: identifier";
            return false;
        }
        var problems = KubernetesNames.QualifiedNameProblems(literal);
        if (problems.Count > 0)
        {
            // The parser validates the key with no field path, which Go prints as "<nil>".
            error = LabelRequirement.InvalidValue("<nil>", GoText.Quote(literal), string.Join("; ", problems));
            return false;
        }
        var (next, _) = Lookahead(Context.Values);
        if (inferred is null && next is Token.EndOfString or Token.Comma)
            inferred = LabelOperator.Exists;
        key = literal;
        error = null;
        return true;
    }

    private bool TryParseOperator(out LabelOperator @operator, [NotNullWhen(false)] out string? error)
    {
        var (kind, literal) = Consume(Context.KeyAndOperator);
        LabelOperator? recognised = kind switch
        {
            Token.In => LabelOperator.In,
            Token.EqualsSign => LabelOperator.Equals,
            Token.DoubleEquals => LabelOperator.DoubleEquals,
            Token.GreaterThan => LabelOperator.GreaterThan,
            Token.LessThan => LabelOperator.LessThan,
            Token.NotIn => LabelOperator.NotIn,
            Token.NotEquals => LabelOperator.NotEquals,
            _ => null,
        };
        @operator = recognised.GetValueOrDefault();
        error = recognised is null ? $"found '{literal}', expected: {BinaryOperatorList}" : null;
        return recognised is not null;
    }

    private bool TryParseValueSet([NotNullWhen(true)] out HashSet<string>? values, [NotNullWhen(false)] out string? error)
    {
        values = null;
        var (kind, literal) = Consume(Context.Values);
        if (kind != Token.OpenParenthesis)
        {
            error = $"found '{literal}' expected: '('";
            return false;
        }
        (kind, literal) = Lookahead(Context.Values);
        switch (kind)
        {
            case Token.Identifier or Token.Comma:
                if (!TryParseIdentifierList(out values, out error))
                    return false;
                Consume(Context.Values);
                return true;
            case Token.ClosedParenthesis:
                Consume(Context.Values);
                values = [""];
                error = null;
                return true;
            default:
                error = $"found '{literal}', expected: ',', ')' or identifier";
                return false;
        }
    }

    // A list of possibly empty values: "(,a)" is {"", a} and "(a,,b)" is {a, "", b}.
    private bool TryParseIdentifierList([NotNullWhen(true)] out HashSet<string>? values, [NotNullWhen(false)] out string? error)
    {
        values = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var (kind, literal) = Consume(Context.Values);
            switch (kind)
            {
                case Token.Identifier:
                    values.Add(literal);
                    var (next, nextLiteral) = Lookahead(Context.Values);
                    if (next == Token.ClosedParenthesis)
                    {
                        error = null;
                        return true;
                    }
                    if (next != Token.Comma)
                    {
                        error = $"found '{nextLiteral}', expected: ',' or ')'";
                        values = null;
                        return false;
                    }
                    break;
                case Token.Comma:
                    if (values.Count == 0)
                        values.Add("");
                    var (following, _) = Lookahead(Context.Values);
                    if (following == Token.ClosedParenthesis)
                    {
                        values.Add("");
                        error = null;
                        return true;
                    }
                    if (following == Token.Comma)
                    {
                        Consume(Context.Values);
                        values.Add("");
                    }
                    break;
                default:
                    error = $"found '{literal}', expected: ',', or identifier";
                    values = null;
                    return false;
            }
        }
    }

    private bool TryParseExactValue([NotNullWhen(true)] out HashSet<string>? values, [NotNullWhen(false)] out string? error)
    {
        values = null;
        error = null;
        var (next, _) = Lookahead(Context.Values);
        if (next is Token.EndOfString or Token.Comma)
        {
            values = [""];
            return true;
        }
        var (kind, literal) = Consume(Context.Values);
        if (kind == Token.Identifier)
        {
            values = [literal];
            return true;
        }
        error = $"found '{literal}', expected: identifier";
        return false;
    }

    private (Token Kind, string Literal) Lookahead(Context context) => InContext(tokens[position], context);

    private (Token Kind, string Literal) Consume(Context context) => InContext(tokens[position++], context);

    private static (Token Kind, string Literal) InContext((Token Kind, string Literal) token, Context context) =>
        context == Context.Values && token.Kind is Token.In or Token.NotIn ? (Token.Identifier, token.Literal) : token;

    private sealed class Lexer(string text)
    {
        private static readonly Dictionary<string, Token> Symbols = new(StringComparer.Ordinal)
        {
            [")"] = Token.ClosedParenthesis,
            [","] = Token.Comma,
            ["!"] = Token.DoesNotExist,
            ["=="] = Token.DoubleEquals,
            ["="] = Token.EqualsSign,
            [">"] = Token.GreaterThan,
            ["in"] = Token.In,
            ["<"] = Token.LessThan,
            ["!="] = Token.NotEquals,
            ["notin"] = Token.NotIn,
            ["("] = Token.OpenParenthesis,
        };

        private int position;

        public List<(Token Kind, string Literal)> ScanAll()
        {
            var scanned = new List<(Token Kind, string Literal)>();
            while (true)
            {
                var token = Next();
                scanned.Add(token);
                if (token.Kind == Token.EndOfString)
                    return scanned;
            }
        }

        private (Token Kind, string Literal) Next()
        {
            var character = Read();
            while (IsWhitespace(character))
                character = Read();
            if (character == '\0')
                return (Token.EndOfString, "");
            Unread();
            return IsSymbol(character) ? ScanSymbol() : ScanIdentifierOrKeyword();
        }

        private (Token Kind, string Literal) ScanIdentifierOrKeyword()
        {
            var identifier = new StringBuilder();
            while (true)
            {
                var character = Read();
                if (character == '\0')
                    break;
                if (IsSymbol(character) || IsWhitespace(character))
                {
                    Unread();
                    break;
                }
                identifier.Append(character);
            }
            var literal = identifier.ToString();
            return Symbols.TryGetValue(literal, out var keyword) ? (keyword, literal) : (Token.Identifier, literal);
        }

        // Longest symbol first: "!=" and "==" are one token, "=!" is "=" then "!".
        private (Token Kind, string Literal) ScanSymbol()
        {
            var symbol = new StringBuilder();
            (Token Kind, string Literal)? longest = null;
            while (true)
            {
                var character = Read();
                if (character == '\0')
                    break;
                if (!IsSymbol(character))
                {
                    Unread();
                    break;
                }
                symbol.Append(character);
                if (Symbols.TryGetValue(symbol.ToString(), out var kind))
                {
                    longest = (kind, symbol.ToString());
                }
                else if (longest is not null)
                {
                    Unread();
                    break;
                }
            }
            // Every single symbol character is a token, so the first one always matches.
            return longest!.Value;
        }

        // Go's lexer reads bytes and takes a zero byte for the end of the text, whether it is the
        // real end (which it does not step past) or a NUL inside the text (which it consumes).
        private char Read() => position < text.Length ? text[position++] : '\0';

        private void Unread() => position--;

        private static bool IsWhitespace(char character) => character is ' ' or '\t' or '\r' or '\n';

        private static bool IsSymbol(char character) => character is '=' or '!' or '(' or ')' or ',' or '>' or '<';
    }
}
