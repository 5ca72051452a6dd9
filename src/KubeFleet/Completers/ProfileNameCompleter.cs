using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using KubeFleet.Engine.Errors;
using KubeFleet.Engine.Profile;
using KubeFleet.Engine.Registry;

namespace KubeFleet.Completers;

/// <summary>
/// Completes names kept in the profile the command line names, never from the network, so it is
/// instant; an unreadable profile or a half-typed pattern offers nothing rather than an error.
/// </summary>
public abstract class ProfileNameCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        Complete(ProfileCompletion.ProfilePathOf(fakeBoundParameters), SystemProfileEnvironment.Instance, wordToComplete)
            .Select(completion => new CompletionResult(completion.CompletionText, completion.ListItemText, CompletionResultType.ParameterValue, completion.ToolTip))
            .ToList();

    /// <summary>The completions of <paramref name="wordToComplete"/> (typed so far, perhaps already quoted).</summary>
    internal IReadOnlyList<NameCompletion> Complete(string? profilePath, IProfileEnvironment environment, string? wordToComplete)
    {
        try
        {
            return Names(ProfileCompletion.Registry(profilePath, environment), ProfileCompletion.Prefix(wordToComplete, What)).ToList();
        }
        catch (KubeFleetException)
        {
            return [];
        }
    }

    /// <summary>What is completed, for the pattern's error message ("cluster name").</summary>
    private protected abstract string What { get; }

    private protected abstract IEnumerable<NameCompletion> Names(ClusterRegistry registry, Wildcard prefix);
}
