using KubeFleet.Engine.Errors;
using KubeFleet.Engine.Search;

namespace KubeFleet.Engine.Tests.Search;

/// <summary>Patterns match as PowerShell's -like matches them.</summary>
public sealed class WildcardPatternTests
{
    [Theory]
    [InlineData("web", "web", true)]
    [InlineData("web", "WEB", true)]
    [InlineData("web", "web-1", false)]
    [InlineData("web*", "web-7d9c6b8f5-x2k4p", true)]
    [InlineData("web*", "api", false)]
    [InlineData("*", "", true)]
    [InlineData("*-0", "db-0", true)]
    [InlineData("*-0", "db-01", false)]
    [InlineData("w*b*x", "web-box", true)]
    [InlineData("w*b*x", "web-boxy", false)]
    [InlineData("db-?", "db-1", true)]
    [InlineData("db-?", "db-10", false)]
    [InlineData("db-?", "db-", false)]
    [InlineData("db-[0-2]", "db-1", true)]
    [InlineData("db-[0-2]", "db-3", false)]
    [InlineData("[ab]pi", "Api", true)]
    [InlineData("[a-c]pi", "Bpi", true)]
    [InlineData("[a-]x", "-x", true)]
    [InlineData("a`*b", "a*b", true)]
    [InlineData("a`*b", "axb", false)]
    [InlineData("a`[b", "a[b", true)]
    [InlineData("tick`", "tick`", true)]
    [InlineData("**a**", "banana", true)]
    [InlineData("*a*a*a*a*b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", false)]
    public void MatchesAsPowerShellDoes(string pattern, string value, bool matches) =>
        Assert.Equal(matches, WildcardPattern.Parse(pattern).IsMatch(value));

    [Theory]
    [InlineData("shop", false, "shop")]
    [InlineData("a`*b", false, "a*b")]
    [InlineData("shop*", true, null)]
    [InlineData("sh?p", true, null)]
    [InlineData("[s]hop", true, null)]
    public void KnowsWhetherItMatchesOneValueOnly(string pattern, bool hasWildcards, string? literal)
    {
        var parsed = WildcardPattern.Parse(pattern);

        Assert.Equal(hasWildcards, parsed.HasWildcards);
        Assert.Equal(literal, parsed.Literal);
    }

    [Theory]
    [InlineData("web-[0-9", "never closed")]
    [InlineData("web-[]", "empty set")]
    public void RejectsABrokenSetSayingWhereAndHowToFixIt(string pattern, string problem)
    {
        var failure = Assert.Throws<KubeFleetException>(() => WildcardPattern.Parse(pattern));

        Assert.Equal("WildcardPatternInvalid", failure.ErrorId);
        Assert.Equal(ErrorKind.InvalidArgument, failure.Kind);
        Assert.Contains(problem, failure.Message, StringComparison.Ordinal);
        Assert.Contains("character 5", failure.Message, StringComparison.Ordinal);
        Assert.Contains("`[", failure.Message, StringComparison.Ordinal);
        Assert.Equal(pattern, failure.Target);
    }
}
