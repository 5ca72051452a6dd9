using System.Text.RegularExpressions;

namespace KubeFleet.Engine.Selectors;

/// <summary>
/// Kubernetes' rules for label keys and values (apimachinery <c>pkg/util/validation</c>), with the
/// exact explanation texts the API server returns.
/// </summary>
internal static class KubernetesNames
{
    public const int LabelValueMaxLength = 63;
    private const int QualifiedNameMaxLength = 63;
    private const int Dns1123SubdomainMaxLength = 253;

    private const string QualifiedNameFormat = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
    private const string QualifiedNameMessage =
        "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
    private const string LabelValueFormat = "(" + QualifiedNameFormat + ")?";
    private const string LabelValueMessage =
        "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
    private const string Dns1123LabelFormat = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    private const string Dns1123SubdomainFormat = Dns1123LabelFormat + "(\\." + Dns1123LabelFormat + ")*";
    private const string Dns1123SubdomainMessage =
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";

    // \z, not $: .NET's $ also matches before a final newline, Go's does not.
    private static readonly Regex QualifiedName = new("^" + QualifiedNameFormat + "\\z", RegexOptions.CultureInvariant);
    private static readonly Regex LabelValue = new("^" + LabelValueFormat + "\\z", RegexOptions.CultureInvariant);
    private static readonly Regex Dns1123Subdomain = new("^" + Dns1123SubdomainFormat + "\\z", RegexOptions.CultureInvariant);

    /// <summary>Go's <c>validation.IsQualifiedName</c>: the problems of a label key, none if valid.</summary>
    public static IReadOnlyList<string> QualifiedNameProblems(string value)
    {
        var problems = new List<string>();
        var parts = value.Split('/');
        string name;
        switch (parts.Length)
        {
            case 1:
                name = parts[0];
                break;
            case 2:
                var prefix = parts[0];
                name = parts[1];
                if (prefix.Length == 0)
                    problems.Add("prefix part must be non-empty");
                else
                    problems.AddRange(Dns1123SubdomainProblems(prefix).Select(problem => "prefix part " + problem));
                break;
            default:
                return
                [
                    "a qualified name " + RegexError(QualifiedNameMessage, QualifiedNameFormat, "MyName", "my.name", "123-abc")
                    + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
                ];
        }

        if (name.Length == 0)
            problems.Add("name part must be non-empty");
        else if (GoText.ByteLength(name) > QualifiedNameMaxLength)
            problems.Add("name part " + MaxLengthError(QualifiedNameMaxLength));
        if (!QualifiedName.IsMatch(name))
            problems.Add("name part " + RegexError(QualifiedNameMessage, QualifiedNameFormat, "MyName", "my.name", "123-abc"));
        return problems;
    }

    /// <summary>Go's <c>validation.IsValidLabelValue</c>.</summary>
    public static IReadOnlyList<string> LabelValueProblems(string value)
    {
        var problems = new List<string>();
        if (GoText.ByteLength(value) > LabelValueMaxLength)
            problems.Add(MaxLengthError(LabelValueMaxLength));
        if (!LabelValue.IsMatch(value))
            problems.Add(RegexError(LabelValueMessage, LabelValueFormat, "MyValue", "my_value", "12345"));
        return problems;
    }

    private static IEnumerable<string> Dns1123SubdomainProblems(string value)
    {
        if (GoText.ByteLength(value) > Dns1123SubdomainMaxLength)
            yield return MaxLengthError(Dns1123SubdomainMaxLength);
        if (!Dns1123Subdomain.IsMatch(value))
            yield return RegexError(Dns1123SubdomainMessage, Dns1123SubdomainFormat, "example.com");
    }

    private static string MaxLengthError(int length) => $"must be no more than {length} characters";

    // The doubled space after each example is the server's own (validation.RegexError).
    private static string RegexError(string message, string format, params string[] examples) =>
        message + " (e.g. " + string.Join(" or ", examples.Select(example => "'" + example + "', "))
        + "regex used for validation is '" + format + "')";
}
