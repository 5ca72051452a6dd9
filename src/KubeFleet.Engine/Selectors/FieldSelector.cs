using System.Diagnostics.CodeAnalysis;
using System.Text;
using KubeFleet.Engine.Errors;

namespace KubeFleet.Engine.Selectors;

/// <summary>
/// A Kubernetes field selector: terms <c>field=value</c>, <c>field==value</c> or
/// <c>field!=value</c>, all of which must hold. Parsing follows the API server exactly
/// (apimachinery <c>pkg/fields/selector.go</c>), including its error texts. Which fields a kind
/// supports, and their values, is <see cref="SelectableFields"/>'s business.
/// </summary>
public sealed class FieldSelector
{
    private static readonly string[] TermOperators = ["!=", "==", "="];

    /// <summary>The selector that selects everything (the empty text).</summary>
    public static readonly FieldSelector Everything = new([]);

    /// <summary>A selector of the given terms, in the given order.</summary>
    public FieldSelector(IEnumerable<FieldRequirement> requirements) => Requirements = requirements.ToList();

    /// <summary>The terms; a parsed selector has them in the server's order (sorted by their text).</summary>
    public IReadOnlyList<FieldRequirement> Requirements { get; }

    public bool IsEmpty => Requirements.Count == 0;

    /// <summary>
    /// Parses a selector such as <c>status.phase!=Running,spec.nodeName=node-1</c>. On failure
    /// <paramref name="error"/> is exactly the server's message, e.g.
    /// <c>invalid selector: 'a'; can't understand 'a'</c>. Field names are not checked here:
    /// whether a kind supports a field is <see cref="SelectableFields.TryConvert"/>.
    /// </summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out FieldSelector? selector, [NotNullWhen(false)] out string? error)
    {
        selector = null;
        var terms = SplitTerms(text);
        terms.Sort(GoText.CompareByCodePoint);
        var requirements = new List<FieldRequirement>();
        foreach (var term in terms)
        {
            if (term.Length == 0)
                continue;
            if (!TrySplitTerm(term, out var field, out var @operator, out var escapedValue))
            {
                error = $"invalid selector: '{text}'; can't understand '{term}'";
                return false;
            }
            if (!TryUnescapeValue(escapedValue, out var value, out error))
                return false;
            // The server drops a term whose field and value are both empty ("=" alone).
            if (field.Length == 0 && value.Length == 0)
                continue;
            requirements.Add(new FieldRequirement(field, @operator == "!=" ? FieldOperator.NotEquals : FieldOperator.Equals, value));
        }
        selector = new FieldSelector(requirements);
        error = null;
        return true;
    }

    /// <summary>Parses a selector or throws <c>FieldSelectorInvalid</c> saying what is wrong.</summary>
    public static FieldSelector Parse(string text)
    {
        if (TryParse(text, out var selector, out var error))
            return selector;
        throw new KubeFleetException(
            "FieldSelectorInvalid",
            ErrorKind.InvalidArgument,
            $"The field selector '{text}' is not valid: {error}. Write terms separated by commas, each a field, "
            + "'=', '==' or '!=' and a value, such as 'metadata.name=web' or 'status.phase!=Running'; "
            + "write a ',', '=' or '\\' inside a value as '\\,', '\\=' or '\\\\'.",
            text);
    }

    /// <summary>
    /// Whether an object matches, given the value of each field (null for a field the object does
    /// not have, which compares as the empty string).
    /// </summary>
    public bool Matches(Func<string, string?> valueOfField)
    {
        foreach (var requirement in Requirements)
        {
            if (!requirement.Matches(valueOfField(requirement.Field)))
                return false;
        }
        return true;
    }

    /// <summary>The canonical text (apimachinery <c>Selector.String()</c>), values escaped.</summary>
    public override string ToString() => string.Join(",", Requirements);

    // Splits on commas that are not escaped; escapes stay in the terms for TryUnescapeValue.
    private static List<string> SplitTerms(string text)
    {
        var terms = new List<string>();
        if (text.Length == 0)
            return terms;
        var start = 0;
        var escaped = false;
        for (var index = 0; index < text.Length; index++)
        {
            if (escaped)
                escaped = false;
            else if (text[index] == '\\')
                escaped = true;
            else if (text[index] == ',')
            {
                terms.Add(text[start..index]);
                start = index + 1;
            }
        }
        terms.Add(text[start..]);
        return terms;
    }

    // The field cannot hold escapes, so the first operator in the term splits it.
    private static bool TrySplitTerm(string term, out string field, out string @operator, out string value)
    {
        for (var index = 0; index < term.Length; index++)
        {
            foreach (var candidate in TermOperators)
            {
                if (string.CompareOrdinal(term, index, candidate, 0, candidate.Length) == 0)
                {
                    field = term[..index];
                    @operator = candidate;
                    value = term[(index + candidate.Length)..];
                    return true;
                }
            }
        }
        field = @operator = value = "";
        return false;
    }

    private static bool TryUnescapeValue(string escaped, out string value, [NotNullWhen(false)] out string? error)
    {
        value = escaped;
        error = null;
        if (escaped.IndexOfAny(['\\', ',', '=']) < 0)
            return true;
        var unescaped = new StringBuilder(escaped.Length);
        var afterBackslash = false;
        foreach (var rune in escaped.EnumerateRunes())
        {
            if (afterBackslash)
            {
                if (rune.Value is not ('\\' or ',' or '='))
                {
                    error = "invalid field selector: invalid escape sequence: \\" + rune;
                    return false;
                }
                unescaped.Append(rune.ToString());
                afterBackslash = false;
            }
            else if (rune.Value == '\\')
                afterBackslash = true;
            else if (rune.Value is ',' or '=')
            {
                // Go prints the offending rune with %v, which is its number: 44 for ',', 61 for '='.
                error = "invalid field selector: unescaped character in value: " + rune.Value;
                return false;
            }
            else
                unescaped.Append(rune.ToString());
        }
        if (afterBackslash)
        {
            error = "invalid field selector: invalid escape sequence: \\";
            return false;
        }
        value = unescaped.ToString();
        return true;
    }
}
