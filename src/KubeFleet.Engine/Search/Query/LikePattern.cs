using System.Text;
using System.Text.RegularExpressions;

namespace KubeFleet.Engine.Search.Query;

/// <summary>A SQL <c>like</c> pattern, compiled once to a regular expression.</summary>
internal sealed class LikePattern
{
    private readonly Regex expression;
    private readonly string pattern;
    private readonly StringComparison comparison;

    public LikePattern(string pattern, StringComparison comparison)
    {
        this.pattern = pattern;
        this.comparison = comparison;
        var regex = new StringBuilder("^");
        for (var index = 0; index < pattern.Length; index++)
        {
            var character = pattern[index];
            if (character == '\\' && index + 1 < pattern.Length)
                regex.Append(Regex.Escape(pattern[++index].ToString()));
            else if (character == '%')
                regex.Append(".*");
            else if (character == '_')
                regex.Append('.');
            else
                regex.Append(Regex.Escape(character.ToString()));
        }
        var options = RegexOptions.Singleline | RegexOptions.CultureInvariant;
        if (comparison == StringComparison.OrdinalIgnoreCase)
            options |= RegexOptions.IgnoreCase;
        expression = new Regex(regex.Append("\\z").ToString(), options);
    }

    public bool Matches(string value) => expression.IsMatch(value);

    public bool IsFor(string otherPattern, StringComparison otherComparison) =>
        otherComparison == comparison && string.Equals(otherPattern, pattern, StringComparison.Ordinal);
}
