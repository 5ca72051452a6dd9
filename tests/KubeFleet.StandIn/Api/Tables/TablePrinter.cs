using System.Text.Json;

namespace KubeFleet.StandIn.Api.Tables;

/// <summary>
/// How one kind is printed as a table: its columns, and a row's cells computed from an object. The server
/// always prints wide, so every row has a cell for every column.
/// </summary>
internal sealed class TablePrinter(IReadOnlyList<TableColumn> columns, Func<JsonElement, DateTimeOffset, object?[]> cells, Func<JsonElement, RowCondition?>? condition = null)
{
    public IReadOnlyList<TableColumn> Columns { get; } = columns;

    /// <summary>The cells of a row: strings, integers (long), booleans, or null; ages are measured to <paramref name="now"/>.</summary>
    public object?[] Cells(JsonElement item, DateTimeOffset now) => cells(item, now);

    public RowCondition? Condition(JsonElement item) => condition?.Invoke(item);
}
