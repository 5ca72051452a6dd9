using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace KubeFleet.Engine.Selectors;

/// <summary>
/// One requirement of a label selector: a key, an operator and values, validated as the API server
/// validates them (apimachinery <c>labels.NewRequirement</c>).
/// </summary>
public sealed class LabelRequirement
{
    private LabelRequirement(string key, LabelOperator @operator, IReadOnlyList<string> values)
    {
        Key = key;
        Operator = @operator;
        Values = values;
    }

    public string Key { get; }

    public LabelOperator Operator { get; }

    /// <summary>The values, distinct and in ordinal order (the server keeps them as a set).</summary>
    public IReadOnlyList<string> Values { get; }

    /// <summary>
    /// Builds a requirement, or says why the server would reject it: <paramref name="error"/> is
    /// the text of the server's field errors, e.g.
    /// <c>values[0][app]: Invalid value: "-x": a valid label must be an empty string or …</c>.
    /// </summary>
    public static bool TryCreate(
        string key,
        LabelOperator @operator,
        IEnumerable<string> values,
        [NotNullWhen(true)] out LabelRequirement? requirement,
        [NotNullWhen(false)] out string? error)
    {
        var given = values.ToList();
        var problems = new List<string>();
        var keyProblems = KubernetesNames.QualifiedNameProblems(key);
        if (keyProblems.Count > 0)
            problems.Add(InvalidValue("key", GoText.Quote(key), string.Join("; ", keyProblems)));

        switch (@operator)
        {
            case LabelOperator.In or LabelOperator.NotIn when given.Count == 0:
                problems.Add(InvalidValue("values", GoText.StringSliceLiteral(given), "for 'in', 'notin' operators, values set can't be empty"));
                break;
            case LabelOperator.Equals or LabelOperator.DoubleEquals or LabelOperator.NotEquals when given.Count != 1:
                problems.Add(InvalidValue("values", GoText.StringSliceLiteral(given), "exact-match compatibility requires one single value"));
                break;
            case LabelOperator.Exists or LabelOperator.DoesNotExist when given.Count != 0:
                problems.Add(InvalidValue("values", GoText.StringSliceLiteral(given), "values set must be empty for exists and does not exist"));
                break;
            case LabelOperator.GreaterThan or LabelOperator.LessThan:
                if (given.Count != 1)
                    problems.Add(InvalidValue("values", GoText.StringSliceLiteral(given), "for 'Gt', 'Lt' operators, exactly one value is required"));
                for (var index = 0; index < given.Count; index++)
                {
                    if (!TryParseInteger(given[index], out _))
                        problems.Add(InvalidValue($"values[{index}]", GoText.Quote(given[index]), "for 'Gt', 'Lt' operators, the value must be an integer"));
                }
                break;
        }

        for (var index = 0; index < given.Count; index++)
        {
            var valueProblems = KubernetesNames.LabelValueProblems(given[index]);
            if (valueProblems.Count > 0)
                problems.Add(InvalidValue($"values[{index}][{key}]", GoText.Quote(given[index]), string.Join("; ", valueProblems)));
        }

        if (problems.Count > 0)
        {
            requirement = null;
            error = AggregateText(problems);
            return false;
        }

        var distinct = given.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        requirement = new LabelRequirement(key, @operator, distinct);
        error = null;
        return true;
    }

    /// <summary>Kubernetes semantics: <c>!=</c> and <c>notin</c> also match objects without the key.</summary>
    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        var hasLabel = labels.TryGetValue(Key, out var labelValue);
        return Operator switch
        {
            LabelOperator.Equals or LabelOperator.DoubleEquals or LabelOperator.In => hasLabel && HasValue(labelValue!),
            LabelOperator.NotEquals or LabelOperator.NotIn => !hasLabel || !HasValue(labelValue!),
            LabelOperator.Exists => hasLabel,
            LabelOperator.DoesNotExist => !hasLabel,
            _ => hasLabel && ComparesAsInteger(labelValue!),
        };
    }

    /// <summary>The requirement as the server writes it (apimachinery <c>Requirement.String()</c>).</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        if (Operator == LabelOperator.DoesNotExist)
            text.Append('!');
        text.Append(Key);
        switch (Operator)
        {
            case LabelOperator.Exists or LabelOperator.DoesNotExist:
                return text.ToString();
            case LabelOperator.In or LabelOperator.NotIn:
                return text.Append(Operator == LabelOperator.In ? " in (" : " notin (")
                    .AppendJoin(',', Values).Append(')').ToString();
            default:
                return text.Append(Symbol(Operator)).AppendJoin(',', Values).ToString();
        }
    }

    /// <summary>Go's <c>strconv.ParseInt(s, 10, 64)</c>: an optional sign and ASCII digits, nothing else.</summary>
    internal static bool TryParseInteger(string text, out long value) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    // A label that is not an integer never matches > or < (the server only logs it).
    private bool ComparesAsInteger(string labelValue)
    {
        if (!TryParseInteger(labelValue, out var actual))
            return false;
        var bound = long.Parse(Values[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        return Operator == LabelOperator.GreaterThan ? actual > bound : actual < bound;
    }

    private bool HasValue(string value)
    {
        foreach (var candidate in Values)
        {
            if (string.Equals(candidate, value, StringComparison.Ordinal))
                return true;
        }
        return false;
    }

    private static string Symbol(LabelOperator @operator) => @operator switch
    {
        LabelOperator.Equals => "=",
        LabelOperator.DoubleEquals => "==",
        LabelOperator.NotEquals => "!=",
        LabelOperator.GreaterThan => ">",
        LabelOperator.LessThan => "<",
        _ => throw new ArgumentOutOfRangeException(nameof(@operator), @operator, null),
    };

    // field.Invalid(...).Error(): "<path>: Invalid value: <value as Go prints it>: <detail>".
    internal static string InvalidValue(string path, string goValue, string detail) =>
        $"{path}: Invalid value: {goValue}: {detail}";

    // utilerrors.Aggregate.Error(): one message alone, several as "[a, b]", duplicates once.
    private static string AggregateText(IReadOnlyList<string> problems)
    {
        var distinct = problems.Distinct(StringComparer.Ordinal).ToList();
        return distinct.Count == 1 ? distinct[0] : "[" + string.Join(", ", distinct) + "]";
    }
}
