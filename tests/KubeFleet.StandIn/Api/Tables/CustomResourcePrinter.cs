using System.Globalization;
using System.Text.Json;
using KubeFleet.StandIn.Data.Catalog;

namespace KubeFleet.StandIn.Api.Tables;

/// <summary>
/// Tables the apiextensions server prints for a custom resource from its definition's printer columns
/// (<c>tableconvertor.go</c>): Name, then each column's JSONPath value, dates as ages.
/// </summary>
internal static class CustomResourcePrinter
{
    public static TablePrinter For(ResourceType type)
    {
        var columns = type.PrinterColumns;
        return new TablePrinter(
            [
                Columns.Name,
                .. columns.Select(c => new TableColumn(c.Name, c.Type, c.Description.Length > 0 ? c.Description : $"Custom resource definition column (in JSONPath format): {c.JsonPath}", c.Priority)),
            ],
            (item, now) => [ObjectJson.Text(item, "metadata", "name"), .. columns.Select(c => Cell(c, item, now))]);
    }

    private static object? Cell(PrinterColumn column, JsonElement item, DateTimeOffset now)
    {
        if (SimpleJsonPath.Evaluate(item, column.JsonPath) is not { } value || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return column.Type switch
        {
            "string" => value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText(),
            "integer" when value.ValueKind == JsonValueKind.Number => value.TryGetInt64(out var number) ? number : (long)value.GetDouble(),
            "number" when value.ValueKind == JsonValueKind.Number => value.GetDouble(),
            "boolean" when value.ValueKind is JsonValueKind.True or JsonValueKind.False => value.GetBoolean(),
            "date" when value.ValueKind == JsonValueKind.String =>
                DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? HumanDuration.Format(now - time) : "<invalid>",
            _ => null,
        };
    }
}
