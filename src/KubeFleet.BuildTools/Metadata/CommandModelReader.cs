using System.Collections.ObjectModel;
using System.Reflection;

namespace KubeFleet.BuildTools.Metadata;

/// <summary>
/// Reads cmdlet metadata from attribute data (constructor and named arguments as compiled), never
/// through attribute getters: the stub System.Management.Automation's getters return defaults.
/// Works on runtime types and on MetadataLoadContext types alike, so matches attributes by name.
/// </summary>
public static class CommandModelReader
{
    private const string Automation = "System.Management.Automation.";

    public static bool IsCmdlet(Type type) => Attribute(type.GetCustomAttributesData(), "CmdletAttribute") is not null;

    public static IReadOnlyList<CommandModel> ReadAll(Assembly assembly) =>
        assembly.GetExportedTypes().Where(t => t is { IsClass: true, IsAbstract: false } && IsCmdlet(t))
            .Select(Read).OrderBy(c => c.Name, StringComparer.Ordinal).ToList();

    public static CommandModel Read(Type type)
    {
        var cmdlet = Attribute(type.GetCustomAttributesData(), "CmdletAttribute")
            ?? throw new ArgumentException($"{type.FullName} has no [Cmdlet] attribute.", nameof(type));
        var supportsPaging = Named<bool>(cmdlet, "SupportsPaging");
        return new CommandModel
        {
            Type = type,
            Verb = (string)cmdlet.ConstructorArguments[0].Value!,
            Noun = (string)cmdlet.ConstructorArguments[1].Value!,
            DefaultParameterSetName = Named<string>(cmdlet, "DefaultParameterSetName"),
            SupportsShouldProcess = Named<bool>(cmdlet, "SupportsShouldProcess"),
            SupportsPaging = supportsPaging,
            ConfirmImpact = EnumName(cmdlet, "ConfirmImpact") ?? "Medium",
            OutputTypes = type.GetCustomAttributesData().Where(a => IsAutomation(a, "OutputTypeAttribute")).SelectMany(ReadOutputTypes).ToList(),
            Parameters = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Concat(supportsPaging ? PagingProperties(type) : [])
                .Select(ReadParameter).OfType<ParameterModel>().ToList(),
        };
    }

    /// <summary>The properties of PowerShell's PagingParameters, found beside the PSCmdlet the cmdlet derives from.</summary>
    private static PropertyInfo[] PagingProperties(Type cmdlet)
    {
        var baseType = cmdlet.BaseType;
        while (baseType is not null && baseType.FullName != Automation + "PSCmdlet")
        {
            baseType = baseType.BaseType;
        }

        var paging = baseType?.Assembly.GetType(Automation + "PagingParameters")
            ?? throw new ArgumentException($"{cmdlet.FullName} declares SupportsPaging but does not derive from PSCmdlet.", nameof(cmdlet));
        return paging.GetProperties(BindingFlags.Public | BindingFlags.Instance);
    }

    private static IEnumerable<OutputTypeModel> ReadOutputTypes(CustomAttributeData outputType)
    {
        var sets = NamedStrings(outputType, "ParameterSetName");
        foreach (var argument in outputType.ConstructorArguments.SelectMany(Flatten))
        {
            yield return argument.Value switch
            {
                Type type => new OutputTypeModel(type.FullName!, type, sets),
                string name => new OutputTypeModel(name, null, sets),
                _ => throw new ArgumentException($"Unexpected [OutputType] argument {argument}."),
            };
        }
    }

    private static ParameterModel? ReadParameter(PropertyInfo property)
    {
        var attributes = property.GetCustomAttributesData();
        var parameters = attributes.Where(a => IsAutomation(a, "ParameterAttribute")).ToList();
        if (parameters.Count == 0)
        {
            return null;
        }

        return new ParameterModel
        {
            Name = property.Name,
            Property = property,
            Aliases = attributes.Where(a => IsAutomation(a, "AliasAttribute"))
                .SelectMany(a => a.ConstructorArguments.SelectMany(Flatten)).Select(a => (string)a.Value!).ToList(),
            SupportsWildcards = attributes.Any(a => IsAutomation(a, "SupportsWildcardsAttribute")),
            Sets = parameters.Select(p => new ParameterSetMembership(
                Named<string>(p, "ParameterSetName") ?? CommandModel.AllParameterSets,
                Named<bool>(p, "Mandatory"),
                NamedArgument(p, "Position") is { } position ? (int)position.TypedValue.Value! : null,
                Named<bool>(p, "ValueFromPipeline"),
                Named<bool>(p, "ValueFromPipelineByPropertyName"))).ToList(),
            Attributes = attributes.ToList(),
        };
    }

    public static bool IsAutomation(CustomAttributeData attribute, string shortName) =>
        attribute.AttributeType.FullName == Automation + shortName;

    private static CustomAttributeData? Attribute(IEnumerable<CustomAttributeData> attributes, string shortName) =>
        attributes.FirstOrDefault(a => IsAutomation(a, shortName));

    private static CustomAttributeNamedArgument? NamedArgument(CustomAttributeData attribute, string name) =>
        attribute.NamedArguments.Where(n => n.MemberName == name).Cast<CustomAttributeNamedArgument?>().FirstOrDefault();

    private static T? Named<T>(CustomAttributeData attribute, string name) =>
        NamedArgument(attribute, name) is { } argument ? (T?)argument.TypedValue.Value : default;

    private static string? EnumName(CustomAttributeData attribute, string name)
    {
        if (NamedArgument(attribute, name) is not { } argument)
        {
            return null;
        }

        // Under a MetadataLoadContext the enum type cannot be instantiated: name the value through its fields.
        var value = Convert.ToInt64(argument.TypedValue.Value);
        return argument.TypedValue.ArgumentType.GetFields(BindingFlags.Public | BindingFlags.Static)
            .FirstOrDefault(f => Convert.ToInt64(f.GetRawConstantValue()) == value)?.Name ?? value.ToString();
    }

    private static IReadOnlyList<string> NamedStrings(CustomAttributeData attribute, string name) =>
        NamedArgument(attribute, name) is { } argument ? Flatten(argument.TypedValue).Select(a => (string)a.Value!).ToList() : [];

    private static IEnumerable<CustomAttributeTypedArgument> Flatten(CustomAttributeTypedArgument argument) =>
        argument.Value is ReadOnlyCollection<CustomAttributeTypedArgument> items ? items : [argument];
}
