using System.Text;
using System.Text.RegularExpressions;

namespace KubeFleet.BuildTools.Help;

/// <summary>Reads a help page in the format docs/cmdlets/README.md describes.</summary>
public static partial class HelpPageParser
{
    public static HelpPage Parse(string markdown, string source)
    {
        var lines = markdown.ReplaceLineEndings("\n").Split('\n');
        var title = lines.FirstOrDefault(l => l.StartsWith("# ", StringComparison.Ordinal))
            ?? throw new FormatException($"{source}: the page has no '# Verb-Noun' title.");
        var sections = Split(lines, "## ");
        return new HelpPage
        {
            CommandName = title[2..].Trim(),
            Synopsis = string.Join(" ", Paragraphs(sections.GetValueOrDefault("SYNOPSIS", []))),
            Description = Paragraphs(sections.GetValueOrDefault("DESCRIPTION", [])),
            Parameters = Split(sections.GetValueOrDefault("PARAMETERS", []), "### ")
                .ToDictionary(p => p.Key.TrimStart('-'), p => Paragraphs(p.Value), StringComparer.OrdinalIgnoreCase),
            Examples = Split(sections.GetValueOrDefault("EXAMPLES", []), "### ").Select(e => Example(e.Key, e.Value, source)).ToList(),
            Outputs = Split(sections.GetValueOrDefault("OUTPUTS", []), "### ")
                .ToDictionary(o => o.Key, o => Paragraphs(o.Value), StringComparer.Ordinal),
            Notes = Paragraphs(sections.GetValueOrDefault("NOTES", [])),
            RelatedLinks = sections.GetValueOrDefault("RELATED LINKS", []).Select(l => Link().Match(l))
                .Where(m => m.Success).Select(m => new HelpLink(m.Groups["text"].Value, m.Groups["uri"].Value)).ToList(),
        };
    }

    /// <summary>The lines under each heading with <paramref name="prefix"/>, by heading text, in page order.</summary>
    private static Dictionary<string, List<string>> Split(IEnumerable<string> lines, string prefix)
    {
        var sections = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        List<string>? current = null;
        var inFence = false;
        foreach (var line in lines)
        {
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                inFence = !inFence;
            }

            if (!inFence && line.StartsWith(prefix, StringComparison.Ordinal))
            {
                current = [];
                sections[line[prefix.Length..].Trim()] = current;
            }
            else
            {
                current?.Add(line);
            }
        }

        return sections;
    }

    private static HelpExample Example(string title, List<string> lines, string source)
    {
        var fences = new List<(string Language, string Body)>();
        var remarks = new List<string>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (!lines[i].StartsWith("```", StringComparison.Ordinal))
            {
                remarks.Add(lines[i]);
                continue;
            }

            var language = lines[i][3..].Trim();
            var body = new StringBuilder();
            for (i++; i < lines.Count && !lines[i].StartsWith("```", StringComparison.Ordinal); i++)
            {
                body.AppendLine(lines[i]);
            }

            fences.Add((language, body.ToString().TrimEnd()));
            remarks.Add("");
        }

        var code = fences.Where(f => f.Language == "powershell").Select(f => f.Body).ToList();
        if (code.Count != 1)
        {
            throw new FormatException($"{source}: example '{title}' needs exactly one ```powershell block; it has {code.Count}.");
        }

        var output = fences.Where(f => f.Language == "output").Select(f => f.Body).ToList();
        return new HelpExample(title, code[0], output.Count > 0 ? string.Join("\n", output) : null, Paragraphs(remarks));
    }

    /// <summary>Blank-line separated paragraphs, each joined onto one line as MAML paragraphs are.</summary>
    private static IReadOnlyList<string> Paragraphs(IEnumerable<string> lines)
    {
        var paragraphs = new List<string>();
        var current = new List<string>();
        foreach (var line in lines.Append(""))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                if (current.Count > 0)
                {
                    paragraphs.Add(string.Join(" ", current));
                    current.Clear();
                }
            }
            else
            {
                current.Add(line.Trim());
            }
        }

        return paragraphs;
    }

    [GeneratedRegex(@"\[(?<text>[^\]]+)\]\((?<uri>[^)]+)\)")]
    private static partial Regex Link();
}
