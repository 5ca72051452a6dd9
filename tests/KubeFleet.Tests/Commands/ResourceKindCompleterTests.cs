using KubeFleet.Completers;

namespace KubeFleet.Tests.Commands;

public sealed class ResourceKindCompleterTests
{
    [Theory]
    [InlineData("deplo", "deployments")]
    [InlineData("DEPLOY", "deployments")]
    [InlineData("po", "pods")]
    [InlineData("'svc", "services")]
    [InlineData("Cron", "cronjobs")]
    public void Completes_plural_kind_or_short_name_with_the_plural(string typed, string expected)
    {
        Assert.Single(ResourceKindCompleter.Complete(typed), completion => completion.CompletionText == expected);
    }

    [Fact]
    public void Offers_each_type_once_and_the_all_category()
    {
        var completions = ResourceKindCompleter.Complete("").Select(c => c.CompletionText).ToList();

        Assert.Equal(completions.Count, completions.Distinct().Count());
        Assert.Contains("all", completions);
        Assert.Equal("Deployment (apps/v1), short name deploy", ResourceKindCompleter.Complete("deploy").Single().ToolTip);
    }

    [Fact]
    public void Offers_nothing_for_a_name_no_built_in_type_has()
    {
        Assert.Empty(ResourceKindCompleter.Complete("gizmo"));
    }
}
