using System.Text;
using System.Text.RegularExpressions;

namespace KubeFleet.Engine.Registry;

/// <summary>
/// Text as a user types it to select clusters by name or label value: PowerShell's wildcard
/// language (<c>*</c>, <c>?</c>, <c>[abc]</c>, <c>[a-z]</c>, and <c>`</c> to escape), compared
/// regardless of case. The engine cannot use PowerShell's own WildcardPattern, so this follows
/// its rules. A pattern without wildcards stands for exactly one text (<see cref="Literal"/>).
/// </summary>
public sealed class Wildcard
{
    private const char Escape = '`';

    private readonly Regex? regex;

    private Wildcard(string text, Regex? regex, string? literal)
    {
        Text = text;
        this.regex = regex;
        Literal = literal;
    }

    public string Text { get; }

    /// <summary>The one text the pattern stands for when it has no wildcards (escapes removed); otherwise null.</summary>
    public string? Literal { get; }

    public bool IsWildcard => Literal is null;

    /// <summary>Exactly <paramref name="text"/>, whatever characters it holds.</summary>
    public static Wildcard Exact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new Wildcard(text, null, text);
    }

    /// <param name="what">What the text selects, for the error: "cluster name", "value of label 'env'".</param>
    /// <exception cref="Errors.KubeFleetException">KubeClusterWildcardInvalid: a '[' without its ']', an empty '[]', a backward range.</exception>
    public static Wildcard Parse(string text, string what)
    {
        ArgumentNullException.ThrowIfNull(text);
        var expression = new StringBuilder("^");
        var literal = new StringBuilder();
        var wildcard = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case Escape when i + 1 < text.Length:
                    i++;
                    expression.Append(Regex.Escape(text[i].ToString()));
                    literal.Append(text[i]);
                    break;
                case '*':
                    expression.Append(".*");
                    wildcard = true;
                    break;
                case '?':
                    expression.Append('.');
                    wildcard = true;
                    break;
                case '[':
                    i = AppendBracket(text, what, i, expression);
                    wildcard = true;
                    break;
                default:
                    expression.Append(Regex.Escape(c.ToString()));
                    literal.Append(c);
                    break;
            }
        }

        if (!wildcard)
        {
            return new Wildcard(text, null, literal.ToString());
        }

        expression.Append(@"\z");
        try
        {
            return new Wildcard(text, new Regex(expression.ToString(), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline), null);
        }
        catch (ArgumentException e)
        {
            // The one thing left for Regex to refuse: a range written backwards, as [z-a].
            throw RegistryErrors.WildcardInvalid(text, what, "a range in its [] runs backwards; write it low to high, as [a-z]", e);
        }
    }

    public bool Matches(string name) =>
        regex?.IsMatch(name) ?? string.Equals(name, Literal, StringComparison.OrdinalIgnoreCase);

    public override string ToString() => Text;

    /// <returns>The index of the closing ']'.</returns>
    private static int AppendBracket(string text, string what, int open, StringBuilder expression)
    {
        var members = new List<char>();
        var i = open + 1;
        for (; i < text.Length && text[i] != ']'; i++)
        {
            if (text[i] == Escape && i + 1 < text.Length)
            {
                i++;
            }

            members.Add(text[i]);
        }

        if (i == text.Length)
        {
            throw RegistryErrors.WildcardInvalid(text, what, $"its '[' at position {open + 1} is never closed with ']'");
        }

        if (members.Count == 0)
        {
            throw RegistryErrors.WildcardInvalid(text, what, $"its '[]' at position {open + 1} holds no character to match");
        }

        expression.Append('[');
        for (var m = 0; m < members.Count; m++)
        {
            expression.Append(CharacterCode(members[m]));
            if (m + 2 < members.Count && members[m + 1] == '-')
            {
                expression.Append('-').Append(CharacterCode(members[m + 2]));
                m += 2;
            }
        }

        expression.Append(']');
        return i;
    }

    // Inside a character class every character is written as its code, so none is taken as syntax.
    private static string CharacterCode(char c) => $"\\u{(int)c:X4}";
}
