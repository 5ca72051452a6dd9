using KubeFleet.Completers;
using KubeFleet.Engine.Profile;

namespace KubeFleet.Tests.Commands;

public sealed class KubeClusterNameCompleterTests : IDisposable
{
    private readonly KubeClusterTestBed bed = new();

    public KubeClusterNameCompleterTests()
    {
        bed.RegisterUnverified("prod-eu", "prod-us", "dev");
        bed.Harness<KubeFleet.Commands.SetKubeClusterCommand>().With("Name", "prod-eu").With("DisplayName", "Production EU").Invoke();
    }

    public void Dispose() => bed.Dispose();

    [Fact]
    public void Completes_names_from_the_profile_by_prefix_regardless_of_case()
    {
        var completions = Complete("PRO");

        Assert.Equal(["prod-eu", "prod-us"], completions.Select(completion => completion.CompletionText));
        Assert.Equal("Production EU (https://10.9.8.7:6443)", completions[0].ToolTip);
        Assert.Equal("https://10.9.8.7:6443", completions[1].ToolTip);
    }

    [Fact]
    public void Completes_what_was_typed_in_quotes_and_with_wildcards()
    {
        Assert.Equal(["dev"], Complete("'d").Select(completion => completion.CompletionText));
        Assert.Equal(["prod-us"], Complete("*us").Select(completion => completion.CompletionText));
    }

    [Fact]
    public void Offers_nothing_rather_than_failing_for_a_broken_pattern_or_profile()
    {
        Assert.Empty(Complete("prod-["));
        File.WriteAllText(bed.ProfilePath, "{ not json");
        Assert.Empty(Complete(""));
    }

    private IReadOnlyList<NameCompletion> Complete(string word) =>
        new ClusterNameCompleter().Complete(bed.ProfilePath, SystemProfileEnvironment.Instance, word);
}
