using KubeFleet.Engine.Errors;
using KubeFleet.Engine.Selectors;

namespace KubeFleet.Engine.Tests.Selectors;

public sealed class FieldSelectorTests
{
    // text, canonical text, field|operator|value of each term (in the server's order: sorted by term text).
    public static TheoryData<string, string, string[]> Accepted => new()
    {
        { "", "", [] },
        { "metadata.name=web", "metadata.name=web", ["metadata.name|Equals|web"] },
        { "metadata.name==web", "metadata.name=web", ["metadata.name|Equals|web"] },
        { "status.phase!=Running", "status.phase!=Running", ["status.phase|NotEquals|Running"] },
        { "spec.nodeName=", "spec.nodeName=", ["spec.nodeName|Equals|"] },
        { "status.phase!=Running,spec.nodeName=n1", "spec.nodeName=n1,status.phase!=Running", ["spec.nodeName|Equals|n1", "status.phase|NotEquals|Running"] },
        { "a=1,,b=2,", "a=1,b=2", ["a|Equals|1", "b|Equals|2"] },
        { "=,a=1", "a=1", ["a|Equals|1"] },
        { "=x", "=x", ["|Equals|x"] },
        { "a = b", "a = b", ["a |Equals| b"] },
        { "a!b=c", "a!b=c", ["a!b|Equals|c"] },
        { @"reason=a\,b\=c\\d", @"reason=a\,b\=c\\d", [@"reason|Equals|a,b=c\d"] },
        { "a=in (x)", "a=in (x)", ["a|Equals|in (x)"] },
        { "a=é", "a=é", ["a|Equals|é"] },
        { @"a=b\,", @"a=b\,", ["a|Equals|b,"] },
    };

    public static TheoryData<string, string> Rejected => new()
    {
        { "a", "invalid selector: 'a'; can't understand 'a'" },
        { "b=1,a", "invalid selector: 'b=1,a'; can't understand 'a'" },
        { "metadata.name in (a)", "invalid selector: 'metadata.name in (a)'; can't understand 'metadata.name in (a)'" },
        { "a=b=c", "invalid field selector: unescaped character in value: 61" },
        { "a=b==c", "invalid field selector: unescaped character in value: 61" },
        { "a==b!=c", "invalid field selector: unescaped character in value: 61" },
        { @"a=b\x", @"invalid field selector: invalid escape sequence: \x" },
        { @"a=b\", @"invalid field selector: invalid escape sequence: \" },
        // Terms are checked in sorted order, so the first error reported is that of "a...".
        { "z,a=b=c", "invalid field selector: unescaped character in value: 61" },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Parses_terms_and_prints_the_servers_canonical_text(string text, string canonical, string[] terms)
    {
        Assert.True(FieldSelector.TryParse(text, out var selector, out var error), error);

        Assert.Equal(canonical, selector.ToString());
        Assert.Equal(terms, selector.Requirements.Select(r => $"{r.Field}|{r.Operator}|{r.Value}"));
        Assert.Equal(terms.Length == 0, selector.IsEmpty);
        Assert.Equal(canonical, FieldSelector.Parse(canonical).ToString());
    }

    [Theory]
    [MemberData(nameof(Rejected))]
    public void TryParse_gives_the_servers_message(string text, string expected)
    {
        Assert.False(FieldSelector.TryParse(text, out var selector, out var error));
        Assert.Null(selector);
        Assert.Equal(expected, error);
    }

    [Fact]
    public void Parse_throws_an_invalid_argument_that_quotes_the_selector_the_reason_and_valid_syntax()
    {
        var failure = Assert.Throws<KubeFleetException>(() => FieldSelector.Parse("status.phase"));

        Assert.Equal("FieldSelectorInvalid", failure.ErrorId);
        Assert.Equal(ErrorKind.InvalidArgument, failure.Kind);
        Assert.Equal("status.phase", failure.Target);
        Assert.StartsWith("The field selector 'status.phase' is not valid: invalid selector: 'status.phase'; can't understand 'status.phase'.", failure.Message);
        Assert.Contains("'status.phase!=Running'", failure.Message);
    }

    [Fact]
    public void Values_with_separators_survive_a_round_trip_through_the_canonical_text()
    {
        var selector = new FieldSelector([new FieldRequirement("metadata.name", FieldOperator.Equals, @"a,b=c\d")]);

        Assert.Equal(@"metadata.name=a\,b\=c\\d", selector.ToString());
        Assert.Equal(@"a,b=c\d", FieldSelector.Parse(selector.ToString()).Requirements.Single().Value);
    }

    [Theory]
    [InlineData("status.phase=Running", true)]
    [InlineData("status.phase==Running", true)]
    [InlineData("status.phase!=Running", false)]
    [InlineData("status.phase=Pending", false)]
    [InlineData("spec.nodeName=", true)]
    [InlineData("spec.nodeName!=node-1", true)]
    [InlineData("spec.nodeName=node-1", false)]
    [InlineData("status.phase=Running,metadata.name=web", true)]
    [InlineData("status.phase=Running,metadata.name=api", false)]
    [InlineData("", true)]
    public void Matches_with_absent_fields_comparing_as_empty(string text, bool expected)
    {
        var fields = new Dictionary<string, string> { ["status.phase"] = "Running", ["metadata.name"] = "web" };

        Assert.Equal(expected, FieldSelector.Parse(text).Matches(field => fields.GetValueOrDefault(field)));
    }
}
