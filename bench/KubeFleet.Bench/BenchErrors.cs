using KubeFleet.Engine.Errors;

namespace KubeFleet.Bench;

/// <summary>The benchmark program's own errors: what was wrong with the command or its fleet, and what to do.</summary>
internal static class BenchErrors
{
    public const string ArgumentInvalid = "BenchArgumentInvalid";
    public const string FleetInvalid = "BenchFleetInvalid";
    public const string RunFailed = "BenchRunFailed";
    public const string ToolMissing = "BenchToolMissing";

    public static KubeFleetException Argument(string message, object? target = null) =>
        new(ArgumentInvalid, ErrorKind.InvalidArgument, message, target);

    public static KubeFleetException Fleet(string message, object? target, Exception? inner = null) =>
        new(FleetInvalid, ErrorKind.InvalidData, message, target, inner);

    public static KubeFleetException Run(string message, object? target, Exception? inner = null) =>
        new(RunFailed, ErrorKind.InvalidOperation, message, target, inner);
}
