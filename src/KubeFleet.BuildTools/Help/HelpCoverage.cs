using KubeFleet.BuildTools.Metadata;

namespace KubeFleet.BuildTools.Help;

/// <summary>What a cmdlet's help page leaves out or gets wrong against the cmdlet's metadata.</summary>
public static class HelpCoverage
{
    public const int MinimumExamples = 2;

    public static IReadOnlyList<string> Problems(CommandModel command, HelpPage page)
    {
        var problems = new List<string>();
        if (!string.Equals(page.CommandName, command.Name, StringComparison.Ordinal))
        {
            problems.Add($"the page's title is '{page.CommandName}', not '{command.Name}'");
        }

        if (string.IsNullOrWhiteSpace(page.Synopsis))
        {
            problems.Add("SYNOPSIS is empty");
        }

        if (page.Description.Count == 0)
        {
            problems.Add("DESCRIPTION is empty");
        }

        foreach (var parameter in command.Parameters)
        {
            if (!page.Parameters.TryGetValue(parameter.Name, out var text) || text.Count == 0)
            {
                problems.Add($"-{parameter.Name} is not documented under PARAMETERS");
            }
        }

        foreach (var documented in page.Parameters.Keys.Where(name => command.Parameters.All(p => !string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))))
        {
            problems.Add($"PARAMETERS documents -{documented}, which {command.Name} does not have");
        }

        if (page.Examples.Count < MinimumExamples)
        {
            problems.Add($"EXAMPLES has {page.Examples.Count} example(s); at least {MinimumExamples} are needed");
        }

        foreach (var example in page.Examples)
        {
            problems.AddRange(ExampleProblems(command, example).Select(p => $"example '{example.Title}': {p}"));
        }

        foreach (var output in command.OutputTypes.Where(o => !page.Outputs.ContainsKey(o.TypeName)))
        {
            problems.Add($"OUTPUTS does not describe {output.TypeName}");
        }

        return problems;
    }

    private static IEnumerable<string> ExampleProblems(CommandModel command, HelpExample example)
    {
        if (example.Output is null)
        {
            yield return "it has no ```output block (leave it empty when the command prints nothing)";
        }

        if (example.Remarks.Count == 0)
        {
            yield return "it does not say what it shows";
        }

        var invocations = ExampleInvocations.Find(example.Code, command);
        if (invocations.Count == 0)
        {
            yield return $"its code does not run {command.Name}";
        }

        foreach (var problem in invocations.Select(i => ExampleInvocations.Problem(command, i)).OfType<string>())
        {
            yield return problem;
        }
    }
}
