using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using KubeFleet.Engine.Errors;
using KubeFleet.Engine.Profile;

namespace KubeFleet.Completers;

/// <summary>Completes workspace names from the clusters of the profile the command line names.</summary>
public sealed class WorkspaceNameCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        Complete(ProfileCompletion.ProfilePathOf(fakeBoundParameters), SystemProfileEnvironment.Instance, wordToComplete)
            .Select(completion => new CompletionResult(completion.CompletionText, completion.ListItemText, CompletionResultType.ParameterValue, completion.ToolTip))
            .ToList();

    /// <summary>The workspaces whose names begin with <paramref name="wordToComplete"/>, each with its clusters as the tooltip.</summary>
    internal static IReadOnlyList<NameCompletion> Complete(string? profilePath, IProfileEnvironment environment, string? wordToComplete)
    {
        try
        {
            var prefix = ProfileCompletion.Prefix(wordToComplete, "workspace name");
            return ProfileCompletion.Registry(profilePath, environment).Workspaces()
                .Where(workspace => prefix.Matches(workspace.Name))
                .Select(workspace => new NameCompletion(
                    ProfileCompletion.Quote(workspace.Name),
                    workspace.Name,
                    $"{workspace.Clusters.Count} cluster(s): {string.Join(", ", workspace.Clusters)}"))
                .ToList();
        }
        catch (KubeFleetException)
        {
            // As for cluster names: nothing rather than an error mid-typing.
            return [];
        }
    }
}
