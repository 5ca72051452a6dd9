using KubeFleet.Engine.Errors;
using KubeFleet.Engine.Search.Query;

namespace KubeFleet.Engine.Tests.Search.Query;

public sealed class QuerySyntaxErrorTests
{
    // query, zero-based position of the problem, what the message must say there
    public static TheoryData<string, int, string> Cases => new()
    {
        { "", 0, "the query is empty" },
        { "kind 'Pod'", 5, "expected an operator after the column 'kind'" },
        { "kind = ", 7, "expected a value after '='" },
        { "kind = Pod", 7, "quote text values, as in 'Pod'" },
        { "kind = 'Pod", 7, "this string has no closing '" },
        { "kind in ('a', 'b'", 17, "expected ')' or ',' in the list" },
        { "kind in 'a'", 8, "expected '(' after 'in'" },
        { "(kind = 'Pod'", 13, "expected ')' to close the parenthesis" },
        { "kind = 'Pod' and", 16, "expected a condition such as kind='Pod'" },
        { "kind = 'Pod' limit 10", 13, "expected 'and', 'or', 'order by' or the end of the query, not 'limit'" },
        { "kind = 'Pod' order by", 21, "expected a column to order by" },
        { "kind = 'Pod' order name", 19, "expected 'by' after 'order'" },
        { "kind = 'Pod' order by name sideways", 27, "expected ',' and another column, or the end of the query" },
        { "select name from resources where kind = 'Pod'", 7, "expected '*' after 'select'" },
        { "select * from pods where kind = 'Pod'", 14, "expected 'resources' after 'from' (the only table)" },
        { "select * from resources", 23, "expected 'where' and a condition (the where clause is required)" },
        { "select * resources where kind = 'Pod'", 9, "expected 'from' after 'select *'" },
        { "creationTimestamp < 'yesterday'", 20, "expected an RFC 3339 time for 'creationTimestamp'" },
        { "deletionTimestamp between '2024-01-01' and 5", 43, "expected an RFC 3339 time" },
        { "labels = 'x'", 0, "'labels' needs a key" },
        { "annotations. = 'x'", 0, "expected a key after 'annotations.'" },
        { "spec..replicas = 1", 0, "is not a JSON path" },
        { "kind not = 'Pod'", 9, "expected 'in', 'like' or 'between' after 'not'" },
        { "not kind = 'Pod'", 0, "negate with !=, not in, not like or not between" },
        { "name like 5", 10, "expected a quoted string as the pattern after 'like'" },
        { "contains(content 'x')", 17, "expected ',' between the column and the text of contains" },
        { "contains(content, 5)", 18, "expected a quoted string as the text to look for" },
        { "kind between 'a' 'b'", 17, "expected 'and' between the two ends of 'between'" },
        { "spec.replicas > 1.2.3", 16, "'1.2.3' is not a number" },
        { "kind # 'Pod'", 5, "unexpected character '#'" },
        { "`labels.app = 'x'", 0, "no closing back-quote" },
        { "`` = 'x'", 0, "expected a column name between the back-quotes" },
        { "kind = 'Pod' and\n  name = ", 26, "expected a value after '='" },
        { "3abc = 1", 0, "'3abc' is neither a number nor a column" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Points_at_the_problem_and_says_what_was_expected(string query, int position, string expectation)
    {
        var failure = Assert.Throws<QueryInvalidException>(() => SearchQuery.Parse(query));

        Assert.Equal("QueryInvalid", failure.ErrorId);
        Assert.Equal(ErrorKind.InvalidArgument, failure.Kind);
        Assert.Equal(query, failure.Target);
        Assert.Equal(position, failure.Position);
        Assert.Contains(expectation, failure.Problem);
        Assert.Contains(failure.Problem, failure.Message);
    }

    [Fact]
    public void The_message_shows_the_line_with_a_caret_under_the_problem()
    {
        var failure = Assert.Throws<QueryInvalidException>(() => SearchQuery.Parse("kind = 'Pod' and\n\tname 'x'"));

        var lines = failure.Message.Split(Environment.NewLine);
        Assert.Equal("The query is not valid: expected an operator after the column 'name': =, !=, <, <=, >, >=, [not] in, [not] like, [not] between, = missing or != missing, not the string 'x' (character 24).", lines[0]);
        Assert.Equal("  \tname 'x'", lines[1]);
        Assert.Equal("  \t     ^", lines[2]);
        Assert.StartsWith("Write a condition such as", lines[3]);
    }
}
