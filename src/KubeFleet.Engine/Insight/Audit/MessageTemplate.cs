using System.Text;
using KubeFleet.Engine.Search.Query;

namespace KubeFleet.Engine.Insight.Audit;

/// <summary>
/// A finding's message with <c>{path}</c> placeholders that name JSON paths into what the rule
/// looked at (<c>{container.name}</c>, <c>{spec.volumes.hostPath.path}</c>), in the query
/// dialect's path syntax. Several values are joined with commas; a missing one shows as
/// <c>(none)</c>. <c>{{</c> and <c>}}</c> stand for braces.
/// </summary>
public sealed class MessageTemplate
{
    private readonly IReadOnlyList<(string Text, bool IsPath)> parts;

    private MessageTemplate(string text, IReadOnlyList<(string Text, bool IsPath)> parts)
    {
        Text = text;
        this.parts = parts;
    }

    /// <summary>The template as written.</summary>
    public string Text { get; }

    /// <summary>Parses a template, or returns null with what is wrong.</summary>
    internal static MessageTemplate? TryParse(string text, out string? problem)
    {
        problem = null;
        var parts = new List<(string, bool)>();
        var literal = new StringBuilder();
        for (var index = 0; index < text.Length; index++)
        {
            var character = text[index];
            if ((character == '{' || character == '}') && index + 1 < text.Length && text[index + 1] == character)
            {
                literal.Append(character);
                index++;
                continue;
            }
            if (character == '}')
            {
                problem = $"'}}' at character {index + 1} closes nothing: write '}}}}' for a brace";
                return null;
            }
            if (character != '{')
            {
                literal.Append(character);
                continue;
            }
            var end = text.IndexOf('}', index + 1);
            var path = end < 0 ? "" : text[(index + 1)..end];
            if (end < 0 || !IsPath(path))
            {
                problem = $"'{{' at character {index + 1} must start a placeholder such as {{container.name}} (a dotted JSON path), or be written '{{{{'";
                return null;
            }
            if (literal.Length > 0)
            {
                parts.Add((literal.ToString(), false));
                literal.Clear();
            }
            parts.Add((path, true));
            index = end;
        }
        if (literal.Length > 0)
            parts.Add((literal.ToString(), false));
        return new MessageTemplate(text, parts);
    }

    /// <summary>The message for one finding, with placeholders filled from the object the rule matched.</summary>
    internal string Render(ReadOnlyMemory<byte> subject)
    {
        var message = new StringBuilder();
        foreach (var (text, isPath) in parts)
        {
            if (!isPath)
            {
                message.Append(text);
                continue;
            }
            var values = JsonPath.Values(subject, text).Select(value => value.Text).ToList();
            message.Append(values.Count == 0 ? "(none)" : string.Join(", ", values));
        }
        return message.ToString();
    }

    public override string ToString() => Text;

    private static bool IsPath(string path) =>
        path.Length > 0
        && path.Split('.').All(segment => segment.Length > 0 && !segment.Any(character => char.IsWhiteSpace(character) || character is '{' or '}'));
}
