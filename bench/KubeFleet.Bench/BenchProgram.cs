using KubeFleet.Bench.Cli;
using KubeFleet.Engine.Errors;

namespace KubeFleet.Bench;

/// <summary>The benchmark program's command line: one subcommand per row kind, and <c>compare</c> for the whole record.</summary>
internal static class BenchProgram
{
    public static IReadOnlyList<ISubcommand> Subcommands { get; } =
    [
        new SearchSubcommand(),
        new FloorSubcommand(),
        new KubectlSubcommand(),
        new ServeRateSubcommand(),
        new RegistrySubcommand(),
        new CompareSubcommand(),
    ];

    public static string Usage =>
        "usage: dotnet run -c Release --project bench/KubeFleet.Bench -- <subcommand> [options]\n" +
        string.Concat(Subcommands.Select(command => $"  {command.Usage}\n")) +
        "DIR is a folder the stand-in launcher wrote (fleet.json and admin kubeconfigs); see docs/benchmarks.md.";

    /// <returns>0 on success, 2 for a bad command line, 1 when the benchmark could not run.</returns>
    public static async Task<int> RunAsync(IReadOnlyList<string> arguments, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (arguments.Count == 0 || arguments[0] is "--help" or "-h" or "help")
        {
            await (arguments.Count == 0 ? stderr : stdout).WriteLineAsync(Usage);
            return arguments.Count == 0 ? 2 : 0;
        }

        var subcommand = Subcommands.FirstOrDefault(command => command.Name == arguments[0]);
        if (subcommand is null)
        {
            await stderr.WriteLineAsync($"'{arguments[0]}' is not a subcommand; it is one of {string.Join(", ", Subcommands.Select(command => command.Name))}.");
            await stderr.WriteLineAsync(Usage);
            return 2;
        }

        try
        {
            var options = CommandLine.Parse(arguments.Skip(1).ToList(), subcommand.ValueOptions, subcommand.FlagOptions);
            await subcommand.RunAsync(options, stdout, stderr, cancellationToken);
            return 0;
        }
        catch (KubeFleetException e) when (e.Kind == ErrorKind.InvalidArgument)
        {
            await stderr.WriteLineAsync($"{e.ErrorId}: {e.Message}");
            await stderr.WriteLineAsync($"usage: {subcommand.Usage}");
            return 2;
        }
        catch (KubeFleetException e)
        {
            await stderr.WriteLineAsync($"{e.ErrorId}: {e.Message}");
            return 1;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await stderr.WriteLineAsync("Stopped.");
            return 130;
        }
    }
}
