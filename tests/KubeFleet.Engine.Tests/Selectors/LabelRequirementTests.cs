using KubeFleet.Engine.Selectors;

namespace KubeFleet.Engine.Tests.Selectors;

/// <summary>Requirements built in code are validated like the server's <c>NewRequirement</c>.</summary>
public sealed class LabelRequirementTests
{
    public static TheoryData<string, LabelOperator, string[], string> Rejected => new()
    {
        { "app", LabelOperator.In, [], "values: Invalid value: []string{}: for 'in', 'notin' operators, values set can't be empty" },
        { "app", LabelOperator.Equals, ["a", "b"], "values: Invalid value: []string{\"a\", \"b\"}: exact-match compatibility requires one single value" },
        { "app", LabelOperator.Exists, ["a"], "values: Invalid value: []string{\"a\"}: values set must be empty for exists and does not exist" },
        { "app", LabelOperator.GreaterThan, ["1", "2"], "values: Invalid value: []string{\"1\", \"2\"}: for 'Gt', 'Lt' operators, exactly one value is required" },
        { "app", LabelOperator.LessThan, ["x"], "values[0]: Invalid value: \"x\": for 'Gt', 'Lt' operators, the value must be an integer" },
        { "/app", LabelOperator.Exists, [], "key: Invalid value: \"/app\": prefix part must be non-empty" },
        {
            "app", LabelOperator.Equals, ["has space"],
            "values[0][app]: Invalid value: \"has space\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"
        },
        {
            "app", LabelOperator.Equals, ["tab\there\u00ad"],
            "values[0][app]: Invalid value: \"tab\\there\\u00ad\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"
        },
        {
            "a b", LabelOperator.NotIn, [],
            "[key: Invalid value: \"a b\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]'), values: Invalid value: []string{}: for 'in', 'notin' operators, values set can't be empty]"
        },
    };

    [Theory]
    [MemberData(nameof(Rejected))]
    public void TryCreate_gives_the_servers_field_errors(string key, LabelOperator @operator, string[] values, string expected)
    {
        Assert.False(LabelRequirement.TryCreate(key, @operator, values, out var requirement, out var error));
        Assert.Null(requirement);
        Assert.Equal(expected, error);
    }

    [Fact]
    public void Values_are_kept_distinct_and_sorted()
    {
        Assert.True(LabelRequirement.TryCreate("env", LabelOperator.In, ["b", "a", "b"], out var requirement, out _));

        Assert.Equal(["a", "b"], requirement.Values);
        Assert.Equal("env in (a,b)", requirement.ToString());
    }
}
