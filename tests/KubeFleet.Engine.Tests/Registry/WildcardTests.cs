using KubeFleet.Engine.Errors;
using KubeFleet.Engine.Registry;

namespace KubeFleet.Engine.Tests.Registry;

public sealed class WildcardTests
{
    [Theory]
    [InlineData("prod-*", "prod-eu", true)]
    [InlineData("prod-*", "PROD-EU", true)]
    [InlineData("prod-*", "dev-eu", false)]
    [InlineData("*-eu", "prod-eu", true)]
    [InlineData("prod-??", "prod-eu", true)]
    [InlineData("prod-??", "prod-eu1", false)]
    [InlineData("prod-[ae]u", "prod-eu", true)]
    [InlineData("prod-[ae]u", "prod-us", false)]
    [InlineData("prod-[a-f]u", "prod-EU", true)]
    [InlineData("prod-[a-f]u", "prod-uu", false)]
    [InlineData("prod.eu", "prod.eu", true)]
    [InlineData("prod.eu", "prodxeu", false)]
    [InlineData("a`*", "a*", true)]
    [InlineData("a`*", "ab", false)]
    public void MatchesAsPowerShellsLikeOperatorDoes(string pattern, string text, bool matches)
    {
        Assert.Equal(matches, Wildcard.Parse(pattern, "cluster name").Matches(text));
    }

    [Theory]
    [InlineData("prod", "prod")]
    [InlineData("a`*b", "a*b")]
    [InlineData("a`[1`]", "a[1]")]
    public void TextWithoutWildcardsIsOneLiteralName(string pattern, string literal)
    {
        var parsed = Wildcard.Parse(pattern, "cluster name");

        Assert.False(parsed.IsWildcard);
        Assert.Equal(literal, parsed.Literal);
    }

    [Theory]
    [InlineData("*")]
    [InlineData("p?od")]
    [InlineData("[pq]rod")]
    public void TextWithWildcardsHasNoLiteral(string pattern)
    {
        Assert.True(Wildcard.Parse(pattern, "cluster name").IsWildcard);
    }

    [Fact]
    public void ExactTextMatchesItselfEvenWhenItLooksLikeAPattern()
    {
        var exact = Wildcard.Exact("odd[1]*");

        Assert.True(exact.Matches("ODD[1]*"));
        Assert.False(exact.Matches("odd1x"));
    }

    [Theory]
    [InlineData("prod-[eu", "never closed")]
    [InlineData("prod-[]", "holds no character")]
    [InlineData("prod-[z-a]", "runs backwards")]
    public void ABrokenPatternIsRefusedSayingWhereAndWhat(string pattern, string problem)
    {
        var failure = Assert.Throws<KubeFleetException>(() => Wildcard.Parse(pattern, "cluster name"));

        Assert.Equal(RegistryErrorIds.WildcardInvalid, failure.ErrorId);
        Assert.Contains($"The cluster name '{pattern}' is not a valid wildcard pattern", failure.Message);
        Assert.Contains(problem, failure.Message);
    }
}
