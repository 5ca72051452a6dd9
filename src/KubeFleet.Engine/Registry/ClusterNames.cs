using System.Text.RegularExpressions;
using KubeFleet.Engine.KubeConfig;

namespace KubeFleet.Engine.Registry;

/// <summary>
/// What a new cluster may be called: a DNS-1123 subdomain (letters, digits, '-' and '.', each
/// dot-separated part starting and ending with a letter or digit, at most 253 characters), except
/// that capitals are allowed; names are compared regardless of case. Such a name never needs
/// quoting on a command line and never holds a wildcard character.
/// </summary>
public static partial class ClusterNames
{
    public const int MaxLength = RegistrationNames.MaxLength;

    /// <summary>Why <paramref name="name"/> cannot name a new cluster, or null when it can.</summary>
    public static string? Problem(string name) =>
        name.Length == 0 ? "is empty"
        : name.Length > MaxLength ? $"is {name.Length} characters long, more than {MaxLength}"
        : !Subdomain().IsMatch(name) ? "is not made of letters, digits, '-' and '.', with each dot-separated part starting and ending with a letter or digit"
        : null;

    /// <exception cref="Errors.KubeFleetException">RegisterKubeClusterNameInvalid.</exception>
    public static void EnsureValid(string name)
    {
        if (Problem(name) is { } problem)
        {
            throw RegistryErrors.NameInvalid(name, problem, RegistrationNames.Derive(name));
        }
    }

    [GeneratedRegex(@"^[A-Za-z0-9]([-A-Za-z0-9]*[A-Za-z0-9])?(\.[A-Za-z0-9]([-A-Za-z0-9]*[A-Za-z0-9])?)*\z", RegexOptions.CultureInvariant)]
    private static partial Regex Subdomain();
}
