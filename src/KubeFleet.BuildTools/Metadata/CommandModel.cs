using System.Reflection;

namespace KubeFleet.BuildTools.Metadata;

/// <summary>What PowerShell learns about a cmdlet class from its attributes.</summary>
public sealed record CommandModel
{
    /// <summary>The set PowerShell puts a parameter in when its [Parameter] names none.</summary>
    public const string AllParameterSets = "__AllParameterSets";

    public required Type Type { get; init; }

    public required string Verb { get; init; }

    public required string Noun { get; init; }

    public string Name => $"{Verb}-{Noun}";

    public string? DefaultParameterSetName { get; init; }

    public bool SupportsShouldProcess { get; init; }

    /// <summary>Whether PowerShell gives the cmdlet -First, -Skip and -IncludeTotalCount (they are in <see cref="Parameters"/>).</summary>
    public bool SupportsPaging { get; init; }

    /// <summary>The ConfirmImpact name (None, Low, Medium, High); Medium when not declared.</summary>
    public string ConfirmImpact { get; init; } = "Medium";

    public required IReadOnlyList<OutputTypeModel> OutputTypes { get; init; }

    public required IReadOnlyList<ParameterModel> Parameters { get; init; }

    /// <summary>The named sets, or only <see cref="AllParameterSets"/> when no parameter names one.</summary>
    public IReadOnlyList<string> ParameterSetNames
    {
        get
        {
            var named = Parameters.SelectMany(p => p.Sets).Select(s => s.SetName)
                .Where(s => s != AllParameterSets).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            return named.Count > 0 ? named : [AllParameterSets];
        }
    }

    public ParameterModel? FindParameter(string nameOrAlias) =>
        Parameters.FirstOrDefault(p => p.Answers(nameOrAlias));

    public IEnumerable<ParameterModel> ParametersIn(string setName) => Parameters.Where(p => p.In(setName) is not null);

    public IEnumerable<ParameterModel> MandatoryIn(string setName) => Parameters.Where(p => p.In(setName)?.Mandatory == true);
}

/// <summary>One [OutputType]: the type (when it resolves) or its name, and the sets it applies to.</summary>
public sealed record OutputTypeModel(string TypeName, Type? Type, IReadOnlyList<string> ParameterSetNames);

/// <summary>A public property with [Parameter], and its role in each parameter set.</summary>
public sealed record ParameterModel
{
    public required string Name { get; init; }

    public required PropertyInfo Property { get; init; }

    public Type Type => Property.PropertyType;

    public bool IsSwitch => Type.FullName == "System.Management.Automation.SwitchParameter";

    /// <summary>-First, -Skip or -IncludeTotalCount: bound to PSCmdlet.PagingParameters, not to a property of the cmdlet.</summary>
    public bool IsPagingParameter => Property.DeclaringType?.FullName == "System.Management.Automation.PagingParameters";

    public IReadOnlyList<string> Aliases { get; init; } = [];

    public bool SupportsWildcards { get; init; }

    public required IReadOnlyList<ParameterSetMembership> Sets { get; init; }

    /// <summary>The attributes on the property, for checks on validation and completion.</summary>
    public required IReadOnlyList<CustomAttributeData> Attributes { get; init; }

    public bool Answers(string nameOrAlias) =>
        string.Equals(Name, nameOrAlias, StringComparison.OrdinalIgnoreCase)
        || Aliases.Contains(nameOrAlias, StringComparer.OrdinalIgnoreCase);

    /// <summary>This parameter's role in <paramref name="setName"/>: declared there, or in all sets.</summary>
    public ParameterSetMembership? In(string setName) =>
        Sets.FirstOrDefault(s => string.Equals(s.SetName, setName, StringComparison.OrdinalIgnoreCase))
        ?? Sets.FirstOrDefault(s => s.SetName == CommandModel.AllParameterSets);

    public bool TakesPipelineInput => Sets.Any(s => s.ValueFromPipeline || s.ValueFromPipelineByPropertyName);
}

/// <summary>One [Parameter] attribute: a parameter's role in one set.</summary>
public sealed record ParameterSetMembership(
    string SetName,
    bool Mandatory,
    int? Position,
    bool ValueFromPipeline,
    bool ValueFromPipelineByPropertyName);
