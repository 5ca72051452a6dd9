using KubeFleet.Engine.Errors;
using KubeFleet.Engine.Selectors;

namespace KubeFleet.Engine.Tests.Selectors;

/// <summary>
/// Rejected label selectors and the API server's exact texts for them. The expected texts were
/// produced by the real kubectl 1.32 parsing each selector with apimachinery's own parser
/// (<c>kubectl set selector --local</c>), so they are the server's words, not ours.
/// </summary>
public sealed class LabelSelectorErrorTests
{
    public static TheoryData<string, string> ServerErrors => new()
    {
        { "app in (a b)", "unable to parse requirement: found 'b', expected: ',' or ')'" },
        { "a,", "found '', expected: identifier after ','" },
        { "a=(", "unable to parse requirement: found '(', expected: identifier" },
        { "x=a b", "found 'b', expected: ',' or 'end of string'" },
        { "a/b/c", "unable to parse requirement: <nil>: Invalid value: \"a/b/c\": a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')" },
        { "a>x", "unable to parse requirement: values[0]: Invalid value: \"x\": for 'Gt', 'Lt' operators, the value must be an integer" },
        { "a>-1", "unable to parse requirement: values[0][a]: Invalid value: \"-1\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')" },
        { "a<", "unable to parse requirement: values[0]: Invalid value: \"\": for 'Gt', 'Lt' operators, the value must be an integer" },
        { "a in (-x,y!)", "unable to parse requirement: found '!', expected: ',' or ')'" },
        { "a in (b,-c,-d)", "unable to parse requirement: [values[0][a]: Invalid value: \"-c\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?'), values[1][a]: Invalid value: \"-d\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')]" },
        { "a notin b", "unable to parse requirement: found 'b' expected: '('" },
        { "a in (", "unable to parse requirement: found '', expected: ',', ')' or identifier" },
        { "a in (b,", "unable to parse requirement: found '', expected: ',', or identifier" },
        { "a in (b", "unable to parse requirement: found '', expected: ',' or ')'" },
        { "a in ()x", "found 'x', expected: ',' or 'end of string'" },
        { "a in (,", "unable to parse requirement: found '', expected: ',', or identifier" },
        { "==a", "found '==', expected: !, identifier, or 'end of string'" },
        { ",a", "found ',', expected: !, identifier, or 'end of string'" },
        { "a=b,,c", "found ',', expected: identifier after ','" },
        { "!", "unable to parse requirement: found '', expected: identifier" },
        { "!=", "found '!=', expected: !, identifier, or 'end of string'" },
        { "!a=b", "found '=', expected: ',' or 'end of string'" },
        { "a b", "unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt" },
        { "a(b)", "unable to parse requirement: found '(', expected: in, notin, =, ==, !=, gt, lt" },
        { "/a", "unable to parse requirement: <nil>: Invalid value: \"/a\": prefix part must be non-empty" },
        { "a/", "unable to parse requirement: <nil>: Invalid value: \"a/\": name part must be non-empty; name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')" },
        { "A/b", "unable to parse requirement: <nil>: Invalid value: \"A/b\": prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')" },
        { "a_b/c", "unable to parse requirement: <nil>: Invalid value: \"a_b/c\": prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')" },
        { "-a", "unable to parse requirement: <nil>: Invalid value: \"-a\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')" },
        { "a.b/", "unable to parse requirement: <nil>: Invalid value: \"a.b/\": name part must be non-empty; name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')" },
        { "a=-b", "unable to parse requirement: values[0][a]: Invalid value: \"-b\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')" },
        { "a=b c", "found 'c', expected: ',' or 'end of string'" },
        { "a,,b", "found ',', expected: identifier after ','" },
        { "a=b,", "found '', expected: identifier after ','" },
        { "a in in (b)", "unable to parse requirement: found 'in' expected: '('" },
        { "a=b==c", "found '==', expected: ',' or 'end of string'" },
        { "a=>1", "unable to parse requirement: found '>', expected: identifier" },
        { "a===b", "unable to parse requirement: found '=', expected: identifier" },
        { "a=!b", "unable to parse requirement: found '!', expected: identifier" },
        { "a !in (b)", "unable to parse requirement: found '!', expected: in, notin, =, ==, !=, gt, lt" },
        { "a in ((b))", "unable to parse requirement: found '(', expected: ',', ')' or identifier" },
        { "a in (b))", "found ')', expected: ',' or 'end of string'" },
        { "a,!b=c", "found '=', expected: ',' or 'end of string'" },
        { "a=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "unable to parse requirement: values[0][a]: Invalid value: \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\": must be no more than 63 characters" },
        { "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa=b", "unable to parse requirement: <nil>: Invalid value: \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\": name part must be no more than 63 characters" },
        { "a=-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "unable to parse requirement: values[0][a]: Invalid value: \"-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\": must be no more than 63 characters; a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')" },
        { "Example.com/a=b", "unable to parse requirement: <nil>: Invalid value: \"Example.com/a\": prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')" },
        { "-.com/a=b", "unable to parse requirement: <nil>: Invalid value: \"-.com/a\": prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')" },
        { "a in (x,-y,-z)", "unable to parse requirement: [values[0][a]: Invalid value: \"-y\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?'), values[1][a]: Invalid value: \"-z\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')]" },
        { "a<1.5", "unable to parse requirement: values[0]: Invalid value: \"1.5\": for 'Gt', 'Lt' operators, the value must be an integer" },
        { "a>99999999999999999999", "unable to parse requirement: values[0]: Invalid value: \"99999999999999999999\": for 'Gt', 'Lt' operators, the value must be an integer" },
        { "a=é", "unable to parse requirement: values[0][a]: Invalid value: \"é\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')" },
        { "a=\"b\"", "unable to parse requirement: values[0][a]: Invalid value: \"\\\"b\\\"\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')" },
        { "a=b)", "found ')', expected: ',' or 'end of string'" },
        { ")", "found ')', expected: !, identifier, or 'end of string'" },
    };

    [Theory]
    [MemberData(nameof(ServerErrors))]
    public void TryParse_gives_the_servers_message(string text, string expected)
    {
        Assert.False(LabelSelector.TryParse(text, out var selector, out var error));
        Assert.Null(selector);
        Assert.Equal(expected, error);
    }

    [Fact]
    public void Parse_throws_an_invalid_argument_that_quotes_the_selector_the_reason_and_valid_syntax()
    {
        var failure = Assert.Throws<KubeFleetException>(() => LabelSelector.Parse("app in (a b)"));

        Assert.Equal("LabelSelectorInvalid", failure.ErrorId);
        Assert.Equal(ErrorKind.InvalidArgument, failure.Kind);
        Assert.Equal("app in (a b)", failure.Target);
        Assert.StartsWith("The label selector 'app in (a b)' is not valid: unable to parse requirement: found 'b', expected: ',' or ')'.", failure.Message);
        Assert.Contains("'env in (prod,staging)'", failure.Message);
    }

    [Fact]
    public void A_nul_character_where_a_token_would_start_ends_the_selector_as_on_the_server()
    {
        Assert.True(LabelSelector.TryParse("a=b \0!junk(", out var selector, out _));
        Assert.Equal("a=b", selector.ToString());
    }
}
