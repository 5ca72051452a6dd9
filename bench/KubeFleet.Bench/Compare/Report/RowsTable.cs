using System.Text;

namespace KubeFleet.Bench.Compare.Report;

/// <summary>Measured rows as the record shows them: medians, each row's time against a reference row, then the exact commands.</summary>
internal static class RowsTable
{
    public static string Render(IReadOnlyList<MeasuredRow> rows, MeasuredRow reference)
    {
        var table = new MarkdownTable("client", "runs", "median time", "first result", "peak memory", "results", "errors", $"time ÷ {reference.Client}'s");
        foreach (var row in rows)
        {
            table.Add(
                row.Client,
                row.Runs.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Formats.Seconds(row.TotalSeconds),
                Formats.Milliseconds(row.FirstResultMs),
                Formats.Megabytes(row.PeakMegabytes),
                string.Join(" / ", row.DistinctResults.Select(Formats.Count)),
                row.MostErrors.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Formats.Ratio(row.TotalSeconds / reference.TotalSeconds));
        }

        return table + "\n" + Commands(rows);
    }

    /// <summary>The command of every row, fleet folder as DIR, as a list under the table.</summary>
    public static string Commands(IEnumerable<MeasuredRow> rows)
    {
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            text.Append("- ").Append(row.Client).Append(": `").Append(row.Row.Command).Append("`\n");
        }

        return text.ToString();
    }
}
