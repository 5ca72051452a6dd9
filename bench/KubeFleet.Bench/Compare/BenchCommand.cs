namespace KubeFleet.Bench.Compare;

/// <summary>
/// One run of a subcommand of this program, as the comparison starts it in a child process and as
/// the record prints it, so anyone can reproduce the row.
/// </summary>
internal sealed record BenchCommand(string Subcommand, IReadOnlyList<string> Options)
{
    /// <summary>Stands for the fleet's folder in printed commands.</summary>
    public const string FleetPlaceholder = "DIR";

    public static BenchCommand For(string subcommand, params string[] options) => new(subcommand, options);

    /// <summary>The arguments with the fleet's folder filled in.</summary>
    public IReadOnlyList<string> Arguments(string fleetFolder) =>
        [Subcommand, .. Options.Select(option => option == FleetPlaceholder ? fleetFolder : option)];

    /// <summary>The command line a person types to reproduce the run.</summary>
    public override string ToString() =>
        "dotnet run -c Release --project bench/KubeFleet.Bench -- " + string.Join(' ', new[] { Subcommand }.Concat(Options).Select(Quote));

    private static string Quote(string argument) =>
        argument.Length > 0 && argument.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or ',' or '=')
            ? argument
            : "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
