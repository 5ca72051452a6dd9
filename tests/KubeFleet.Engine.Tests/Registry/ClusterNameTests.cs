using KubeFleet.Engine.Errors;
using KubeFleet.Engine.Registry;

namespace KubeFleet.Engine.Tests.Registry;

public sealed class ClusterNameTests
{
    [Theory]
    [InlineData("prod")]
    [InlineData("Prod-EU")]
    [InlineData("eu-west-1.prod")]
    [InlineData("7")]
    public void DnsSubdomainLikeNamesAreAccepted(string name)
    {
        Assert.Null(ClusterNames.Problem(name));
        ClusterNames.EnsureValid(name);
    }

    [Fact]
    public void ANameOf253CharactersIsAcceptedAndOneOf254IsNot()
    {
        var longest = string.Join('.', Enumerable.Repeat(new string('a', 63), 4))[..253];

        Assert.Null(ClusterNames.Problem(longest.TrimEnd('.')));
        Assert.Contains("254 characters", ClusterNames.Problem(longest + "a"));
    }

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("-prod", "starting and ending with a letter or digit")]
    [InlineData("prod-", "starting and ending with a letter or digit")]
    [InlineData("eu..prod", "starting and ending with a letter or digit")]
    [InlineData("eu.-prod", "starting and ending with a letter or digit")]
    [InlineData("prod eu", "letters, digits, '-' and '.'")]
    [InlineData("prod_eu", "letters, digits, '-' and '.'")]
    [InlineData("prod*", "letters, digits, '-' and '.'")]
    [InlineData("prod\n", "letters, digits, '-' and '.'")]
    public void OtherNamesAreRefusedWithTheReasonAndASuggestion(string name, string reason)
    {
        var failure = Assert.Throws<KubeFleetException>(() => ClusterNames.EnsureValid(name));

        Assert.Equal(RegistryErrorIds.NameInvalid, failure.ErrorId);
        Assert.Equal(ErrorKind.InvalidArgument, failure.Kind);
        Assert.Contains(reason, failure.Message);
        Assert.Contains("for example '", failure.Message);
    }

    [Fact]
    public void TheSuggestionIsAValidName()
    {
        var failure = Assert.Throws<KubeFleetException>(() => ClusterNames.EnsureValid("Prod EU (old)"));

        Assert.Contains("for example 'prod-eu-old'", failure.Message);
        Assert.Null(ClusterNames.Problem("prod-eu-old"));
    }
}
