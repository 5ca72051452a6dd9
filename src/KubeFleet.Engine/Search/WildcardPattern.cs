using KubeFleet.Engine.Errors;

namespace KubeFleet.Engine.Search;

/// <summary>
/// A PowerShell wildcard pattern, matched as PowerShell's <c>-like</c> matches: <c>*</c> any run of
/// characters, <c>?</c> any one character, <c>[abc]</c> one of a set, <c>[a-z]</c> one of a range,
/// and a backtick making the next character literal (<c>`*</c>). Case is ignored. The whole value
/// must match.
/// </summary>
public sealed class WildcardPattern
{
    private readonly Element[] _elements;

    private WildcardPattern(string pattern, Element[] elements)
    {
        Pattern = pattern;
        _elements = elements;
        HasWildcards = elements.Any(element => element.Kind != ElementKind.Literal);
        Literal = HasWildcards ? null : string.Concat(elements.Select(element => element.Character));
    }

    private enum ElementKind
    {
        Literal,
        AnyCharacter,
        AnyRun,
        Set,
    }

    /// <summary>The pattern as written.</summary>
    public string Pattern { get; }

    /// <summary>False when the pattern matches one value only (its <see cref="Literal"/>, ignoring case).</summary>
    public bool HasWildcards { get; }

    /// <summary>The one value a pattern without wildcards matches, escapes removed; null otherwise.</summary>
    public string? Literal { get; }

    /// <summary>Parses a pattern, or throws <c>WildcardPatternInvalid</c> for an unclosed or empty <c>[</c> set.</summary>
    public static WildcardPattern Parse(string pattern)
    {
        var elements = new List<Element>();
        for (var index = 0; index < pattern.Length; index++)
        {
            var character = pattern[index];
            switch (character)
            {
                case '`' when index + 1 < pattern.Length:
                    elements.Add(Element.Of(pattern[++index]));
                    break;
                case '*':
                    if (elements.Count == 0 || elements[^1].Kind != ElementKind.AnyRun)
                    {
                        elements.Add(new Element(ElementKind.AnyRun));
                    }

                    break;
                case '?':
                    elements.Add(new Element(ElementKind.AnyCharacter));
                    break;
                case '[':
                    elements.Add(ParseSet(pattern, ref index));
                    break;
                default:
                    elements.Add(Element.Of(character));
                    break;
            }
        }

        return new WildcardPattern(pattern, elements.ToArray());
    }

    public bool IsMatch(string value)
    {
        // Greedy matching that backtracks only to the last '*': linear for patterns with one '*',
        // never exponential.
        int element = 0, position = 0, starElement = -1, starPosition = 0;
        while (position < value.Length)
        {
            if (element < _elements.Length && _elements[element].Kind == ElementKind.AnyRun)
            {
                starElement = element++;
                starPosition = position;
            }
            else if (element < _elements.Length && _elements[element].Matches(value[position]))
            {
                element++;
                position++;
            }
            else if (starElement >= 0)
            {
                element = starElement + 1;
                position = ++starPosition;
            }
            else
            {
                return false;
            }
        }

        while (element < _elements.Length && _elements[element].Kind == ElementKind.AnyRun)
        {
            element++;
        }

        return element == _elements.Length;
    }

    public override string ToString() => Pattern;

    private static Element ParseSet(string pattern, ref int index)
    {
        var opening = index;
        var ranges = new List<(char First, char Last)>();
        index++;
        while (index < pattern.Length && pattern[index] != ']')
        {
            var first = pattern[index] == '`' && index + 1 < pattern.Length ? pattern[++index] : pattern[index];
            index++;
            if (index + 1 < pattern.Length && pattern[index] == '-' && pattern[index + 1] != ']')
            {
                index++;
                var last = pattern[index] == '`' && index + 1 < pattern.Length ? pattern[++index] : pattern[index];
                index++;
                ranges.Add(first <= last ? (first, last) : (last, first));
            }
            else
            {
                ranges.Add((first, first));
            }
        }

        if (index >= pattern.Length || ranges.Count == 0)
        {
            throw new KubeFleetException(
                SearchErrorIds.WildcardPatternInvalid,
                ErrorKind.InvalidArgument,
                $"The wildcard pattern '{pattern}' is not valid: the '[' at character {opening + 1} {(index >= pattern.Length ? "opens a set that is never closed" : "opens an empty set")}. "
                + "Write a set such as [abc] or [a-z], or write '`[' for a literal '['.",
                pattern);
        }

        return new Element(ElementKind.Set) { Ranges = ranges.ToArray() };
    }

    private readonly record struct Element(ElementKind Kind)
    {
        public char Character { get; init; }

        public (char First, char Last)[] Ranges { get; init; } = [];

        public static Element Of(char character) => new(ElementKind.Literal) { Character = character };

        public bool Matches(char candidate) => Kind switch
        {
            ElementKind.AnyCharacter => true,
            ElementKind.Literal => char.ToUpperInvariant(candidate) == char.ToUpperInvariant(Character),
            ElementKind.Set => InSet(char.ToLowerInvariant(candidate)) || InSet(char.ToUpperInvariant(candidate)),
            _ => false,
        };

        private bool InSet(char candidate)
        {
            foreach (var (first, last) in Ranges)
            {
                if (candidate >= first && candidate <= last)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
