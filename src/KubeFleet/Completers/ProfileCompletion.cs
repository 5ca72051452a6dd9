using System.Collections;
using System.Management.Automation.Runspaces;
using KubeFleet.Engine.Profile;
using KubeFleet.Engine.Registry;

namespace KubeFleet.Completers;

/// <summary>
/// What the completers that read the profile share: the profile the command line names
/// (-ProfilePath, else $env:KUBEFLEET_PROFILE, else the default), and quoting as the shell needs it.
/// </summary>
internal static class ProfileCompletion
{
    /// <summary>The -ProfilePath typed on the command line so far, resolved against PowerShell's location.</summary>
    public static string? ProfilePathOf(IDictionary? fakeBoundParameters) =>
        FromCurrentLocation(fakeBoundParameters?[nameof(Hosting.KubeFleetCmdlet.ProfilePath)] as string);

    public static ClusterRegistry Registry(string? profilePath, IProfileEnvironment environment) =>
        new(new ProfileStore(ProfileLocation.Resolve(string.IsNullOrEmpty(profilePath) ? null : profilePath, environment), environment));

    /// <summary>What was typed, without the quote it may have begun with, as a prefix pattern.</summary>
    public static Wildcard Prefix(string? wordToComplete, string what)
    {
        var word = wordToComplete ?? "";
        var typed = word.Length > 0 && word[0] is '\'' or '"' ? word[1..].TrimEnd(word[0]) : word;
        return Wildcard.Parse(typed + "*", what);
    }

    /// <summary>The name, single-quoted when the shell would otherwise split or expand it.</summary>
    public static string Quote(string name) =>
        name.Any(c => char.IsWhiteSpace(c) || c is '\'' or '"' or '`' or '$' or ';' or '&' or '|' or '(' or ')' or '{' or '}' or '@' or '#' or ',' or '<' or '>' or '[' or ']' or '*' or '?')
            ? $"'{name.Replace("'", "''", StringComparison.Ordinal)}'"
            : name;

    // .NET would resolve a relative path against the process's folder, not PowerShell's location.
    private static string? FromCurrentLocation(string? path) =>
        string.IsNullOrEmpty(path) || Path.IsPathRooted(path)
            || Runspace.DefaultRunspace?.SessionStateProxy?.Path?.CurrentFileSystemLocation?.ProviderPath is not { Length: > 0 } location
            ? path
            : Path.Combine(location, path);
}

/// <summary>One completion of a name from the profile: the text inserted, the text listed, and the tooltip.</summary>
internal sealed record NameCompletion(string CompletionText, string ListItemText, string ToolTip);
