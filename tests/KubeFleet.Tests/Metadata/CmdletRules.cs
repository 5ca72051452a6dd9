using System.Management.Automation;
using System.Reflection;
using KubeFleet.BuildTools.Metadata;

namespace KubeFleet.Tests.Metadata;

/// <summary>
/// What only a real PowerShell would otherwise find out, checked from the cmdlets' attribute data:
/// verbs, ShouldProcess, output types, parameter sets and pipeline binding between cmdlets.
/// Each rule returns problems as "Verb-Noun: what is wrong and what to do".
/// </summary>
public static class CmdletRules
{
    /// <summary>Verbs that only read: every other verb changes state and needs ShouldProcess.</summary>
    public static readonly IReadOnlySet<string> ReadOnlyVerbs = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "Get", "Search", "Find", "Test", "Measure", "Compare", "Resolve", "Show", "Read", "Watch", "Wait",
        "ConvertTo", "ConvertFrom", "Select", "Format", "Trace",
    };

    /// <summary>Verbs whose whole purpose is output: they must declare what they emit.</summary>
    public static readonly IReadOnlySet<string> EmittingVerbs = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "Get", "Search", "Find", "Test", "Measure", "Compare", "Resolve", "ConvertTo", "ConvertFrom", "Read",
    };

    /// <summary>Verbs that act on existing entries: Get-X | Verb-X must bind.</summary>
    public static readonly IReadOnlySet<string> ActOnExistingVerbs = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "Set", "Unregister", "Remove", "Test", "Update", "Export", "Rename", "Enable", "Disable",
    };

    private static readonly string[] CommonParameters =
    [
        "Verbose", "Debug", "ErrorAction", "WarningAction", "InformationAction", "ProgressAction", "ErrorVariable",
        "WarningVariable", "InformationVariable", "OutVariable", "OutBuffer", "PipelineVariable", "WhatIf", "Confirm",
    ];

    private static readonly string[] SecretWords = ["Token", "Password", "Secret", "PrivateKey", "ClientKey", "ApiKey"];

    private static readonly Lazy<IReadOnlySet<string>> ApprovedVerbs = new(() =>
        new[] { typeof(VerbsCommon), typeof(VerbsData), typeof(VerbsLifecycle), typeof(VerbsDiagnostic), typeof(VerbsCommunications), typeof(VerbsSecurity), typeof(VerbsOther) }
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToHashSet(StringComparer.OrdinalIgnoreCase));

    /// <summary>The conventions of the shipped module: where a cmdlet class lives and how it is named.</summary>
    public static IReadOnlyList<string> CheckShipped(IReadOnlyList<CommandModel> commands) =>
        commands.SelectMany(c => Shipped(c).Select(p => $"{c.Name}: {p}")).ToList();

    public static IReadOnlyList<string> Check(IReadOnlyList<CommandModel> commands) =>
        commands.SelectMany(c => Check(c, commands).Select(p => $"{c.Name}: {p}")).ToList();

    private static IEnumerable<string> Check(CommandModel command, IReadOnlyList<CommandModel> all) =>
        Verb(command)
            .Concat(ShouldProcess(command))
            .Concat(OutputTypes(command))
            .Concat(Parameters(command))
            .Concat(AmbiguousSets(command))
            .Concat(UnreachableSets(command))
            .Concat(PipelineFromGet(command, all));

    private static IEnumerable<string> Shipped(CommandModel command)
    {
        if (command.Type.FullName != $"KubeFleet.Commands.{command.Verb}{command.Noun}Command")
        {
            yield return $"the class {command.Type.FullName} must be KubeFleet.Commands.{command.Verb}{command.Noun}Command: error ids and docs name it.";
        }

        if (!command.Type.IsSealed)
        {
            yield return "the cmdlet class must be sealed.";
        }

        if (!command.Noun.StartsWith("Kube", StringComparison.Ordinal))
        {
            yield return $"the noun '{command.Noun}' must start with 'Kube', as every KubeFleet noun does.";
        }

        if (!typeof(Hosting.KubeFleetCmdlet).IsAssignableFrom(command.Type))
        {
            yield return "the cmdlet must derive from KubeFleetCmdlet, so that its output goes through the seam the tests see.";
        }
    }

    private static IEnumerable<string> Verb(CommandModel command)
    {
        if (!ApprovedVerbs.Value.Contains(command.Verb))
        {
            yield return $"'{command.Verb}' is not an approved verb (Get-Verb lists them); PowerShell warns on import.";
        }
    }

    private static IEnumerable<string> ShouldProcess(CommandModel command)
    {
        if (!ReadOnlyVerbs.Contains(command.Verb) && !command.SupportsShouldProcess)
        {
            yield return $"'{command.Verb}' changes state: declare SupportsShouldProcess = true so -WhatIf and -Confirm work.";
        }

        if (command.ConfirmImpact == "High")
        {
            yield return "ConfirmImpact High prompts on every run, runbooks included: use Low or Medium.";
        }
    }

    private static IEnumerable<string> OutputTypes(CommandModel command)
    {
        var passThru = command.FindParameter("PassThru") is { IsSwitch: true };
        if ((EmittingVerbs.Contains(command.Verb) || passThru) && command.OutputTypes.Count == 0)
        {
            yield return "it emits objects but declares no [OutputType]: completion and Get-Help cannot know what it returns.";
        }

        if (!EmittingVerbs.Contains(command.Verb) && !ReadOnlyVerbs.Contains(command.Verb) && command.OutputTypes.Count > 0 && !passThru)
        {
            yield return "a state-changing cmdlet emits only with -PassThru, but it declares [OutputType] and has no -PassThru switch.";
        }

        foreach (var output in command.OutputTypes)
        {
            if (output.Type is null)
            {
                yield return $"[OutputType('{output.TypeName}')] names a type by string: name it with typeof so it is checked.";
                continue;
            }

            if (IsEngineType(output.Type))
            {
                yield return $"it emits the engine type {output.TypeName}, which lives in the module's own load context: PowerShell cannot see it. Map it onto an output type in KubeFleet.dll.";
            }
            else if (output.Type.Assembly == command.Type.Assembly)
            {
                if (!output.Type.IsSealed)
                {
                    yield return $"the output type {output.TypeName} must be sealed.";
                }

                foreach (var settable in output.Type.GetProperties().Where(p => p.SetMethod is { IsPublic: true }))
                {
                    yield return $"the output type {output.TypeName} has a public setter on {settable.Name}: output objects are get-only.";
                }
            }
        }
    }

    private static IEnumerable<string> Parameters(CommandModel command)
    {
        foreach (var parameter in command.Parameters)
        {
            if (CommonParameters.Contains(parameter.Name, StringComparer.OrdinalIgnoreCase))
            {
                yield return $"-{parameter.Name} is one of PowerShell's common parameters: the cmdlet cannot be loaded with it.";
            }

            if (IsEngineType(parameter.Type))
            {
                yield return $"-{parameter.Name} takes the engine type {parameter.Type.FullName}, which PowerShell cannot see: take a type from KubeFleet.dll or the framework.";
            }

            if (parameter.Type == typeof(string) && SecretWords.Any(w => parameter.Name.Contains(w, StringComparison.OrdinalIgnoreCase)))
            {
                yield return $"-{parameter.Name} takes a secret as a plain string, which lands in history and transcripts: take a SecureString.";
            }
        }

        foreach (var set in command.ParameterSetNames)
        {
            foreach (var clash in command.ParametersIn(set).Where(p => p.In(set)!.Position is not null).GroupBy(p => p.In(set)!.Position).Where(g => g.Count() > 1))
            {
                yield return $"in parameter set '{set}', {string.Join(" and ", clash.Select(p => "-" + p.Name))} share position {clash.Key}.";
            }
        }
    }

    /// <summary>Two sets the same bound parameters satisfy both: PowerShell cannot choose between them.</summary>
    private static IEnumerable<string> AmbiguousSets(CommandModel command)
    {
        var sets = command.ParameterSetNames;
        for (var i = 0; i < sets.Count; i++)
        {
            for (var j = i + 1; j < sets.Count; j++)
            {
                var both = command.ParametersIn(sets[i]).Intersect(command.ParametersIn(sets[j])).ToHashSet();
                var needed = command.MandatoryIn(sets[i]).Union(command.MandatoryIn(sets[j]));
                if (needed.All(both.Contains))
                {
                    var binding = string.Join(" ", needed.Select(p => "-" + p.Name).DefaultIfEmpty("no parameters"));
                    yield return $"parameter sets '{sets[i]}' and '{sets[j]}' are both satisfied by {binding}: give each set a mandatory parameter of its own.";
                }
            }
        }
    }

    /// <summary>A set no binding selects: its mandatory parameters can never be used as intended.</summary>
    private static IEnumerable<string> UnreachableSets(CommandModel command)
    {
        foreach (var set in command.ParameterSetNames)
        {
            var all = command.ParametersIn(set).Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var mandatory = command.MandatoryIn(set).Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            if (ParameterSetResolver.Resolve(command, all).SetName != set && ParameterSetResolver.Resolve(command, mandatory).SetName != set)
            {
                var stranded = mandatory.Count > 0 ? $" (its mandatory {string.Join(", ", mandatory.Select(m => "-" + m))})" : "";
                yield return $"no combination of parameters selects parameter set '{set}'{stranded}: give it a parameter no other set has.";
            }
        }
    }

    /// <summary>Get-X | Verb-X must bind: the pipeline parameters are named as Get-X's output properties.</summary>
    private static IEnumerable<string> PipelineFromGet(CommandModel command, IReadOnlyList<CommandModel> all)
    {
        var get = all.FirstOrDefault(c => c.Verb == "Get" && c.Noun == command.Noun && c != command);
        if (get is null || !ActOnExistingVerbs.Contains(command.Verb))
        {
            yield break;
        }

        var byPropertyName = command.Parameters.Where(p => p.Sets.Any(s => s.ValueFromPipelineByPropertyName)).ToList();
        if (byPropertyName.Count == 0)
        {
            yield return $"{get.Name} | {command.Name} cannot bind: no parameter takes ValueFromPipelineByPropertyName.";
        }

        foreach (var output in get.OutputTypes.Where(o => o.Type is not null))
        {
            foreach (var parameter in byPropertyName)
            {
                var property = output.Type!.GetProperties().FirstOrDefault(p => parameter.Answers(p.Name));
                if (property is null)
                {
                    yield return $"-{parameter.Name} binds by property name, but {get.Name}'s output {output.TypeName} has no {parameter.Name} property (nor one named as an alias).";
                }
                else if (!Accepts(parameter.Type, property.PropertyType))
                {
                    yield return $"-{parameter.Name} takes {parameter.Type.Name}, but {output.TypeName}.{property.Name} is {property.PropertyType.Name}.";
                }
            }
        }
    }

    private static bool Accepts(Type parameterType, Type valueType) =>
        parameterType.IsAssignableFrom(valueType) || parameterType.IsArray && parameterType.GetElementType()!.IsAssignableFrom(valueType);

    private static bool IsEngineType(Type type) =>
        (type.IsArray ? type.GetElementType()! : type).Assembly.GetName().Name == "KubeFleet.Engine";
}
