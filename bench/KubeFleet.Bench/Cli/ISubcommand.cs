namespace KubeFleet.Bench.Cli;

/// <summary>One subcommand of the benchmark program: its name, its usage line, and what it does.</summary>
internal interface ISubcommand
{
    string Name { get; }

    /// <summary>One usage line, options included, without the program's name.</summary>
    string Usage { get; }

    IReadOnlyCollection<string> ValueOptions { get; }

    IReadOnlyCollection<string> FlagOptions { get; }

    /// <summary>Runs with parsed options; measurements go to <paramref name="stdout"/>, progress and failures to <paramref name="stderr"/>.</summary>
    Task RunAsync(CommandLine options, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken);
}
