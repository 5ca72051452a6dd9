using KubeFleet.BuildTools.Help;
using KubeFleet.BuildTools.Metadata;
using KubeFleet.Tests.Harness.Fixtures;

namespace KubeFleet.Tests.Help;

public sealed class HelpCoverageTests
{
    private static readonly CommandModel GetHarnessItem = CommandModelReader.Read(typeof(GetHarnessItemCommand));

    private static IReadOnlyList<string> ProblemsOf(string page) =>
        HelpCoverage.Problems(GetHarnessItem, HelpPageParser.Parse(page, "fixture.md"));

    [Fact]
    public void A_complete_page_has_no_problems()
    {
        Assert.Empty(ProblemsOf(HelpPageFixtures.CompleteGetHarnessItem));
    }

    [Fact]
    public void Reads_every_section_of_a_page()
    {
        var page = HelpPageParser.Parse(HelpPageFixtures.CompleteGetHarnessItem, "fixture.md");

        Assert.Equal("Get-HarnessItem", page.CommandName);
        Assert.Equal("Gets harness items.", page.Synopsis);
        Assert.Equal(["Gets items by name or by tag.", "Items are made up on the spot."], page.Description);
        Assert.Equal(["Name", "Tag", "Repeat", "ProfilePath"], page.Parameters.Keys);
        Assert.Equal("PS> Get-HarnessItem web, db -Repeat 1", page.Examples[0].Code);
        Assert.Equal("Name\n----\nweb\ndb", page.Examples[0].Output);
        Assert.Equal(["Gets the items named web and db."], page.Examples[0].Remarks);
        Assert.Equal("", page.Examples[1].Output);
        Assert.Equal(["Harness items are not real."], page.Notes);
        Assert.Equal(new HelpLink("About harnesses", "https://example.com/harness"), page.RelatedLinks[1]);
    }

    [Theory]
    [InlineData("### -Repeat\nHow many times to emit each item.\n", "", "-Repeat is not documented")]
    [InlineData("### -ProfilePath\n", "### -ProfilePath\n\n### -Colour\nNot a parameter.\n", "documents -Colour")]
    [InlineData("## SYNOPSIS\nGets harness items.", "## SYNOPSIS\n", "SYNOPSIS is empty")]
    [InlineData("Gets items by name or by tag.\n\nItems are made up on the spot.", "", "DESCRIPTION is empty")]
    [InlineData("### KubeFleet.Tests.Harness.Fixtures.HarnessItem", "### HarnessItem", "OUTPUTS does not describe")]
    [InlineData("Get-HarnessItem web, db -Repeat 1", "Get-HarnessItem -Colour red", "-Colour is not a parameter")]
    [InlineData("Get-HarnessItem web, db -Repeat 1", "Get-HarnessItem web -Tag blue", "no parameter set holds")]
    [InlineData("Get-HarnessItem web, db -Repeat 1", "Get-HarnessItem a b", "no parameter set holds")]
    [InlineData("Get-HarnessItem web, db -Repeat 1", "Get-Date", "does not run Get-HarnessItem")]
    [InlineData("Gets the items named web and db.\n", "", "does not say what it shows")]
    [InlineData("```output\nName\n----\nweb\ndb\n```", "", "no ```output block")]
    public void A_gap_in_the_page_is_reported(string replaced, string replacement, string expectedProblem)
    {
        var page = HelpPageFixtures.CompleteGetHarnessItem.Replace(replaced, replacement, StringComparison.Ordinal);
        Assert.NotEqual(HelpPageFixtures.CompleteGetHarnessItem, page);

        Assert.Contains(ProblemsOf(page), p => p.Contains(expectedProblem, StringComparison.Ordinal));
    }

    [Fact]
    public void A_page_needs_two_examples()
    {
        var page = HelpPageFixtures.CompleteGetHarnessItem[..HelpPageFixtures.CompleteGetHarnessItem.IndexOf("### Example 2", StringComparison.Ordinal)]
            + "## OUTPUTS\n\n### KubeFleet.Tests.Harness.Fixtures.HarnessItem\nOne item per name.\n";

        Assert.Contains(ProblemsOf(page), p => p.Contains("at least 2", StringComparison.Ordinal));
    }
}
