using System.Diagnostics.CodeAnalysis;
using KubeFleet.Engine.Errors;

namespace KubeFleet.Engine.Selectors;

/// <summary>
/// A Kubernetes label selector: requirements that must all hold. Parsing accepts exactly what the
/// API server accepts and fails with the server's own message, so the engine can check a selector
/// before sending it and the stand-in can answer as a real server would.
/// </summary>
public sealed class LabelSelector
{
    /// <summary>The selector that selects everything (the empty text).</summary>
    public static readonly LabelSelector Everything = new([]);

    /// <summary>A selector of the given requirements, kept in key order as the server keeps them.</summary>
    public LabelSelector(IEnumerable<LabelRequirement> requirements) =>
        Requirements = requirements.OrderBy(requirement => requirement.Key, StringComparer.Ordinal).ToList();

    /// <summary>The requirements, ordered by key.</summary>
    public IReadOnlyList<LabelRequirement> Requirements { get; }

    /// <summary>True when the selector does not restrict anything.</summary>
    public bool IsEmpty => Requirements.Count == 0;

    /// <summary>
    /// Parses a selector such as <c>app=web,tier in (front,back),!canary</c>. On failure
    /// <paramref name="error"/> is exactly what the API server says in its 400 answer, e.g.
    /// <c>unable to parse requirement: found 'b', expected: ',' or ')'</c>.
    /// </summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out LabelSelector? selector, [NotNullWhen(false)] out string? error)
    {
        if (LabelSelectorParser.TryParse(text, out var requirements, out error))
        {
            selector = new LabelSelector(requirements);
            return true;
        }
        selector = null;
        return false;
    }

    /// <summary>Parses a selector or throws <c>LabelSelectorInvalid</c> saying what is wrong.</summary>
    public static LabelSelector Parse(string text)
    {
        if (TryParse(text, out var selector, out var error))
            return selector;
        throw new KubeFleetException(
            "LabelSelectorInvalid",
            ErrorKind.InvalidArgument,
            $"The label selector '{text}' is not valid: {error}. Write requirements separated by commas, such as "
            + "'app=web', 'tier!=db', 'env in (prod,staging)', 'env notin (dev)', 'release' (the label exists), "
            + "'!canary' (it does not) or 'replicas>2'; keys are [prefix/]name and values are at most 63 letters, "
            + "digits, '-', '_' or '.', starting and ending with a letter or digit.",
            text);
    }

    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        foreach (var requirement in Requirements)
        {
            if (!requirement.Matches(labels))
                return false;
        }
        return true;
    }

    /// <summary>
    /// The canonical text (apimachinery <c>Selector.String()</c>): requirements by key, set values
    /// sorted, so a parsed selector can be sent to a server unchanged in meaning.
    /// </summary>
    public override string ToString() => string.Join(",", Requirements);
}
