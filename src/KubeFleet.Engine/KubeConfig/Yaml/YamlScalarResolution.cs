using System.Text.RegularExpressions;

namespace KubeFleet.Engine.KubeConfig.Yaml;

/// <summary>
/// How a plain scalar resolves to a boolean or a number, the way kubectl's YAML reader (go-yaml v2,
/// YAML 1.1) resolves it, so a kubeconfig means the same thing to KubeFleet as to kubectl.
/// </summary>
internal static partial class YamlScalarResolution
{
    public static bool TryGetBoolean(YamlScalar scalar, out bool value)
    {
        value = false;
        if (!scalar.IsPlain && scalar.Tag != YamlTags.Bool)
        {
            return false;
        }
        switch (scalar.Text)
        {
            case "true" or "True" or "TRUE" or "yes" or "Yes" or "YES" or "y" or "Y" or "on" or "On" or "ON":
                value = true;
                return true;
            case "false" or "False" or "FALSE" or "no" or "No" or "NO" or "n" or "N" or "off" or "Off" or "OFF":
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// Whether kubectl reads the scalar as something other than text (a boolean or a number), and so
    /// refuses it where the kubeconfig expects text.
    /// </summary>
    public static bool IsNotText(YamlScalar scalar) =>
        scalar.IsPlain && (TryGetBoolean(scalar, out _) || YamlNumber().IsMatch(scalar.Text));

    /// <summary>Whether the scalar is a number that JSON can carry as written.</summary>
    public static bool IsJsonNumber(YamlScalar scalar) =>
        (scalar.IsPlain || scalar.Tag is YamlTags.Int or YamlTags.Float) && JsonNumber().IsMatch(scalar.Text);

    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex JsonNumber();

    // YAML 1.1 integers and floats as go-yaml reads them: decimal (with '_'), hex, octal, binary,
    // exponents, and the infinities and NaN.
    [GeneratedRegex(@"^([-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?|[-+]?0x[0-9a-fA-F_]+|[-+]?0o[0-7_]+|[-+]?0b[01_]+|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))$", RegexOptions.CultureInvariant)]
    private static partial Regex YamlNumber();
}
