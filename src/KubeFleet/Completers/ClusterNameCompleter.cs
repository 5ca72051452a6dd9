using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Management.Automation.Runspaces;
using KubeFleet.Engine.Errors;
using KubeFleet.Engine.Profile;
using KubeFleet.Engine.Registry;

namespace KubeFleet.Completers;

/// <summary>
/// Completes cluster names from the profile the command line names (-ProfilePath, else
/// $env:KUBEFLEET_PROFILE, else the default), never from the network, so it is instant. Names are
/// single-quoted when the shell would otherwise split or expand them.
/// </summary>
public sealed class ClusterNameCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var profilePath = fakeBoundParameters?[nameof(Hosting.KubeFleetCmdlet.ProfilePath)] as string;
        return Complete(FromCurrentLocation(profilePath), SystemProfileEnvironment.Instance, wordToComplete)
            .Select(completion => new CompletionResult(completion.CompletionText, completion.ListItemText, CompletionResultType.ParameterValue, completion.ToolTip))
            .ToList();
    }

    /// <summary>The completions of <paramref name="wordToComplete"/> (typed so far, perhaps already quoted), by name.</summary>
    internal static IReadOnlyList<ClusterNameCompletion> Complete(string? profilePath, IProfileEnvironment environment, string? wordToComplete)
    {
        var typed = Unquote(wordToComplete ?? "");
        try
        {
            var store = new ProfileStore(ProfileLocation.Resolve(string.IsNullOrEmpty(profilePath) ? null : profilePath, environment), environment);
            var prefix = Wildcard.Parse(typed + "*", "cluster name");
            return new ClusterRegistry(store).Select(ClusterFilter.All, RegistryErrorIds.GetNotFound).Clusters
                .Where(cluster => prefix.Matches(cluster.Name))
                .Select(cluster => new ClusterNameCompletion(
                    Quote(cluster.Name),
                    cluster.Name,
                    cluster.DisplayName is { } displayName ? $"{displayName} ({cluster.Server.OriginalString})" : cluster.Server.OriginalString))
                .ToList();
        }
        catch (KubeFleetException)
        {
            // An unreadable profile or a half-typed pattern: completion offers nothing rather than an error mid-typing.
            return [];
        }
    }

    // .NET would resolve a relative path against the process's folder, not PowerShell's location.
    private static string? FromCurrentLocation(string? path) =>
        string.IsNullOrEmpty(path) || Path.IsPathRooted(path)
            || Runspace.DefaultRunspace?.SessionStateProxy?.Path?.CurrentFileSystemLocation?.ProviderPath is not { Length: > 0 } location
            ? path
            : Path.Combine(location, path);

    private static string Unquote(string word) =>
        word.Length > 0 && word[0] is '\'' or '"' ? word[1..].TrimEnd(word[0]) : word;

    private static string Quote(string name) =>
        name.Any(c => char.IsWhiteSpace(c) || c is '\'' or '"' or '`' or '$' or ';' or '&' or '|' or '(' or ')' or '{' or '}' or '@' or '#' or ',' or '<' or '>' or '[' or ']' or '*' or '?')
            ? $"'{name.Replace("'", "''", StringComparison.Ordinal)}'"
            : name;
}

/// <summary>One completion: the text inserted, the text listed, and the tooltip.</summary>
internal sealed record ClusterNameCompletion(string CompletionText, string ListItemText, string ToolTip);
