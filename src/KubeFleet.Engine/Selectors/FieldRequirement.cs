using System.Text;

namespace KubeFleet.Engine.Selectors;

/// <summary>One term of a field selector, e.g. <c>status.phase!=Running</c>.</summary>
public sealed record FieldRequirement(string Field, FieldOperator Operator, string Value)
{
    /// <summary>A field the object does not have (null) compares as the empty string, as on the server.</summary>
    public bool Matches(string? fieldValue) =>
        string.Equals(fieldValue ?? "", Value, StringComparison.Ordinal) == (Operator == FieldOperator.Equals);

    /// <summary>The term as the server writes it, the value escaped (<c>fields.EscapeValue</c>).</summary>
    public override string ToString() =>
        Field + (Operator == FieldOperator.Equals ? "=" : "!=") + EscapeValue(Value);

    /// <summary>Escapes <c>\</c>, <c>,</c> and <c>=</c> with a backslash so the value reads back unchanged.</summary>
    public static string EscapeValue(string value)
    {
        if (value.IndexOfAny(['\\', ',', '=']) < 0)
            return value;
        var escaped = new StringBuilder(value.Length + 4);
        foreach (var character in value)
        {
            if (character is '\\' or ',' or '=')
                escaped.Append('\\');
            escaped.Append(character);
        }
        return escaped.ToString();
    }
}
