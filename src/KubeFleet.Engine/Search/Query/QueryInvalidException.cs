using KubeFleet.Engine.Errors;

namespace KubeFleet.Engine.Search.Query;

/// <summary>
/// A query that cannot be parsed (<c>QueryInvalid</c>). The message shows the query with a caret
/// under <see cref="Position"/> and says what was expected there.
/// </summary>
public sealed class QueryInvalidException : KubeFleetException
{
    internal QueryInvalidException(string query, int position, string problem)
        : base("QueryInvalid", ErrorKind.InvalidArgument, Describe(query, position, problem), query)
    {
        Position = position;
        Problem = problem;
    }

    /// <summary>Where in the query the problem is: a zero-based character offset.</summary>
    public int Position { get; }

    /// <summary>What was wrong there, e.g. <c>expected a value after '='</c>.</summary>
    public string Problem { get; }

    private static string Describe(string query, int position, string problem)
    {
        var lineStart = position == 0 ? 0 : query.LastIndexOf('\n', position - 1) + 1;
        var lineEnd = query.IndexOf('\n', lineStart);
        var line = (lineEnd < 0 ? query[lineStart..] : query[lineStart..lineEnd]).TrimEnd('\r');
        // Tabs keep their width in the caret line so the caret stays under the character.
        var indent = new string(line.Take(position - lineStart).Select(character => character == '\t' ? '\t' : ' ').ToArray());
        return $"The query is not valid: {problem} (character {position + 1}).{Environment.NewLine}"
            + $"  {line}{Environment.NewLine}"
            + $"  {indent}^{Environment.NewLine}"
            + "Write a condition such as kind='Pod' and namespace like 'shop%', optionally as "
            + "'select * from resources where <condition> [order by <column> [asc|desc], ...]'.";
    }
}
