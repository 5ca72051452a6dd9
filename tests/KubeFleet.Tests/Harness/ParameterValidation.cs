using System.Collections;
using System.Collections.ObjectModel;
using System.Reflection;
using System.Text.RegularExpressions;
using KubeFleet.BuildTools.Metadata;

namespace KubeFleet.Tests.Harness;

/// <summary>
/// PowerShell's argument validation attributes, applied from their attribute data as the binder
/// applies them: a value that fails is refused before the cmdlet sees it.
/// </summary>
internal static class ParameterValidation
{
    public static void Validate(ParameterModel parameter, object? value)
    {
        foreach (var attribute in parameter.Attributes)
        {
            if (Problem(attribute, value) is { } problem)
            {
                throw new HarnessBindingException($"Cannot validate argument on parameter '{parameter.Name}'. {problem}");
            }
        }
    }

    private static string? Problem(CustomAttributeData attribute, object? value)
    {
        var arguments = attribute.ConstructorArguments.SelectMany(Flatten).Select(a => a.Value).ToList();
        return attribute.AttributeType.Name switch
        {
            "ValidateNotNullAttribute" when value is null => "The argument is null.",
            "ValidateNotNullOrEmptyAttribute" when value is null || value is string { Length: 0 } || value is ICollection { Count: 0 } =>
                "The argument is null or empty. Provide an argument that is not null or empty, and then try the command again.",
            "ValidateSetAttribute" => Elements(value).FirstOrDefault(v => !arguments.Cast<string>().Contains(v?.ToString(), StringComparer.OrdinalIgnoreCase)) is { } outside
                ? $"The argument \"{outside}\" does not belong to the set \"{string.Join(",", arguments)}\"."
                : null,
            "ValidateRangeAttribute" when arguments.Count == 2 => Elements(value).FirstOrDefault(v => Compare(v, arguments[0]) < 0 || Compare(v, arguments[1]) > 0) is { } outside
                ? $"The {outside} argument is outside the range {arguments[0]} to {arguments[1]}."
                : null,
            "ValidatePatternAttribute" => Elements(value).FirstOrDefault(v => !Regex.IsMatch(v?.ToString() ?? "", (string)arguments[0]!, RegexOptions.IgnoreCase)) is { } mismatch
                ? $"The argument \"{mismatch}\" does not match the \"{arguments[0]}\" pattern."
                : null,
            "ValidateLengthAttribute" => Elements(value).FirstOrDefault(v => (v?.ToString()?.Length ?? 0) is var length && (length < (int)arguments[0]! || length > (int)arguments[1]!)) is { } wrong
                ? $"The length of \"{wrong}\" is outside {arguments[0]} to {arguments[1]} characters."
                : null,
            "ValidateCountAttribute" => Elements(value).Count() is var count && (count < (int)arguments[0]! || count > (int)arguments[1]!)
                ? $"The parameter requires at least {arguments[0]} and at most {arguments[1]} values, but {count} were given."
                : null,
            _ => null,
        };
    }

    private static IEnumerable<object?> Elements(object? value) =>
        value is IEnumerable sequence and not string ? sequence.Cast<object?>() : [value];

    private static int Compare(object? value, object? bound) =>
        Comparer<decimal>.Default.Compare(Convert.ToDecimal(value), Convert.ToDecimal(bound));

    private static IEnumerable<CustomAttributeTypedArgument> Flatten(CustomAttributeTypedArgument argument) =>
        argument.Value is ReadOnlyCollection<CustomAttributeTypedArgument> items ? items : [argument];
}
