using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using KubeFleet.Engine.Errors;
using KubeFleet.Engine.Profile;
using KubeFleet.Engine.Registry;

namespace KubeFleet.Completers;

/// <summary>
/// Completes cluster names from the profile the command line names, never from the network, so it
/// is instant.
/// </summary>
public sealed class ClusterNameCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        Complete(ProfileCompletion.ProfilePathOf(fakeBoundParameters), SystemProfileEnvironment.Instance, wordToComplete)
            .Select(completion => new CompletionResult(completion.CompletionText, completion.ListItemText, CompletionResultType.ParameterValue, completion.ToolTip))
            .ToList();

    /// <summary>The completions of <paramref name="wordToComplete"/> (typed so far, perhaps already quoted), by name.</summary>
    internal static IReadOnlyList<NameCompletion> Complete(string? profilePath, IProfileEnvironment environment, string? wordToComplete)
    {
        try
        {
            var prefix = ProfileCompletion.Prefix(wordToComplete, "cluster name");
            return ProfileCompletion.Registry(profilePath, environment).Select(ClusterFilter.All, RegistryErrorIds.GetNotFound).Clusters
                .Where(cluster => prefix.Matches(cluster.Name))
                .Select(cluster => new NameCompletion(
                    ProfileCompletion.Quote(cluster.Name),
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
}
