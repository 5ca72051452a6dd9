using System.Text;
using KubeFleet.BuildTools.Metadata;

namespace KubeFleet.BuildTools.Help;

/// <summary>One invocation of a cmdlet in an example: the parameter names as typed, positional arguments, and whether input is piped in.</summary>
public sealed record ExampleInvocation(IReadOnlyList<string> ParameterNames, int PositionalArguments, bool PipedInto);

/// <summary>
/// Finds a cmdlet's invocations in an example's PowerShell and checks each binds to exactly one
/// parameter set, as PowerShell's binder would: names (or aliases, or unambiguous prefixes),
/// positional arguments by position, and mandatory parameters the pipeline can fill.
/// </summary>
public static class ExampleInvocations
{
    private static readonly string[] CommonParameters =
    [
        "Verbose", "Debug", "ErrorAction", "WarningAction", "InformationAction", "ProgressAction", "ErrorVariable",
        "WarningVariable", "InformationVariable", "OutVariable", "OutBuffer", "PipelineVariable",
    ];

    private static readonly string[] ShouldProcessParameters = ["WhatIf", "Confirm"];

    private static readonly string[] CommonSwitches = ["Verbose", "Debug", "WhatIf", "Confirm"];

    public static IReadOnlyList<ExampleInvocation> Find(string code, CommandModel command)
    {
        var invocations = new List<ExampleInvocation>();
        foreach (var statement in Statements(code))
        {
            for (var i = 0; i < statement.Count; i++)
            {
                var segment = statement[i];
                if (segment.Count > 0 && string.Equals(segment[0], command.Name, StringComparison.OrdinalIgnoreCase))
                {
                    invocations.Add(Read(command, segment.Skip(1).ToList(), pipedInto: i > 0));
                }
            }
        }

        return invocations;
    }

    /// <summary>Null when the invocation binds to exactly one set; otherwise what is wrong.</summary>
    public static string? Problem(CommandModel command, ExampleInvocation invocation)
    {
        var named = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var typed in invocation.ParameterNames)
        {
            if (CommonParameters.Contains(typed, StringComparer.OrdinalIgnoreCase)
                || command.SupportsShouldProcess && ShouldProcessParameters.Contains(typed, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            var matches = Matching(command, typed);
            if (matches.Count != 1)
            {
                return matches.Count == 0
                    ? $"-{typed} is not a parameter of {command.Name}"
                    : $"-{typed} is ambiguous: it could be {string.Join(", ", matches.Select(m => "-" + m.Name))}";
            }

            named.Add(matches[0].Name);
        }

        var resolution = ParameterSetResolver.Resolve(command, set => BoundIn(command, set, named, invocation));
        if (resolution.SetName is null)
        {
            return $"{command.Name} {string.Join(" ", invocation.ParameterNames.Select(n => "-" + n))}: {resolution.Problem}";
        }

        var missing = ParameterSetResolver.MissingMandatory(command, resolution.SetName, BoundIn(command, resolution.SetName, named, invocation)!);
        return missing.Count > 0
            ? $"{command.Name} in parameter set '{resolution.SetName}' lacks the mandatory {string.Join(", ", missing.Select(m => "-" + m))}"
            : null;
    }

    private static HashSet<string>? BoundIn(CommandModel command, string set, HashSet<string> named, ExampleInvocation invocation)
    {
        var positional = command.ParametersIn(set).Where(p => p.In(set)!.Position is not null && !named.Contains(p.Name))
            .OrderBy(p => p.In(set)!.Position).ToList();
        if (invocation.PositionalArguments > positional.Count)
        {
            return null;
        }

        var bound = new HashSet<string>(named, StringComparer.OrdinalIgnoreCase);
        bound.UnionWith(positional.Take(invocation.PositionalArguments).Select(p => p.Name));
        if (invocation.PipedInto)
        {
            bound.UnionWith(command.MandatoryIn(set).Where(p => p.In(set) is { ValueFromPipeline: true } or { ValueFromPipelineByPropertyName: true }).Select(p => p.Name));
        }

        return bound;
    }

    /// <summary>The parameters a typed name binds to: an exact name or alias, else every one it is a prefix of.</summary>
    private static List<ParameterModel> Matching(CommandModel command, string typed)
    {
        var exact = command.Parameters.Where(p => p.Answers(typed)).ToList();
        return exact.Count > 0
            ? exact
            : command.Parameters.Where(p => p.Aliases.Prepend(p.Name).Any(n => n.StartsWith(typed, StringComparison.OrdinalIgnoreCase))).ToList();
    }

    private static bool IsSwitch(CommandModel command, string typed) =>
        CommonSwitches.Contains(typed, StringComparer.OrdinalIgnoreCase) || Matching(command, typed) is [{ IsSwitch: true }];

    private static ExampleInvocation Read(CommandModel command, List<string> arguments, bool pipedInto)
    {
        var names = new List<string>();
        var positional = 0;
        for (var i = 0; i < arguments.Count; i++)
        {
            var argument = arguments[i];
            if (argument.Length > 1 && argument[0] == '-' && char.IsLetter(argument[1]))
            {
                var colon = argument.IndexOf(':', StringComparison.Ordinal);
                var typed = colon < 0 ? argument[1..] : argument[1..colon];
                names.Add(typed);

                // A value follows unless the parameter carries it after a colon or is a switch.
                if (colon < 0 && !IsSwitch(command, typed) && i + 1 < arguments.Count && !IsParameterName(arguments[i + 1]))
                {
                    i = SkipValue(arguments, i + 1);
                }
            }
            else
            {
                positional++;
                i = SkipValue(arguments, i);
            }
        }

        return new ExampleInvocation(names, positional, pipedInto);
    }

    private static bool IsParameterName(string argument) => argument.Length > 1 && argument[0] == '-' && char.IsLetter(argument[1]);

    /// <summary>The index of a value's last argument: "a, b, c" is one value.</summary>
    private static int SkipValue(List<string> arguments, int index)
    {
        while (index + 1 < arguments.Count && (arguments[index].EndsWith(',') || arguments[index + 1].StartsWith(',')))
        {
            index++;
        }

        return index;
    }

    /// <summary>Statements of pipeline segments of arguments; quotes and brackets keep their contents whole.</summary>
    private static List<List<List<string>>> Statements(string code)
    {
        var statements = new List<List<List<string>>>();
        var statement = new List<List<string>> { new() };
        var word = new StringBuilder();
        var depth = 0;
        char? quote = null;

        void EndWord()
        {
            if (word.Length > 0)
            {
                statement[^1].Add(word.ToString());
                word.Clear();
            }
        }

        void EndStatement()
        {
            EndWord();
            if (statement.Any(s => s.Count > 0))
            {
                statements.Add(statement);
            }

            statement = [new()];
        }

        foreach (var line in code.ReplaceLineEndings("\n").Split('\n'))
        {
            var text = line.TrimStart();
            text = text.StartsWith("PS>", StringComparison.Ordinal) ? text[3..] : text;
            var continued = false;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (quote is not null)
                {
                    word.Append(c);
                    quote = c == quote ? null : quote;
                    continue;
                }

                if (depth == 0 && c == '#')
                {
                    break;
                }

                if (c == '`' && i == text.Length - 1)
                {
                    continued = true;
                    break;
                }

                switch (c)
                {
                    case '\'' or '"':
                        quote = c;
                        word.Append(c);
                        break;
                    case '(' or '{' or '[':
                        depth++;
                        word.Append(c);
                        break;
                    case ')' or '}' or ']':
                        depth--;
                        word.Append(c);
                        break;
                    case '|' when depth == 0:
                        EndWord();
                        statement.Add([]);
                        break;
                    case ';' when depth == 0:
                        EndStatement();
                        break;
                    case ' ' or '\t' when depth == 0:
                        EndWord();
                        break;
                    default:
                        word.Append(c);
                        break;
                }
            }

            // A line ending in a pipe, a backtick or inside brackets continues on the next line.
            if (!continued && depth == 0 && quote is null && !(statement[^1].Count == 0 && word.Length == 0 && statement.Count > 1))
            {
                EndStatement();
            }
            else if (depth > 0 || quote is not null)
            {
                word.Append('\n');
            }
        }

        EndStatement();
        return statements;
    }
}
