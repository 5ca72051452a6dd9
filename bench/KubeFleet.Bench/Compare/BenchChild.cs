using System.Diagnostics;
using System.Reflection;

namespace KubeFleet.Bench.Compare;

/// <summary>
/// Runs this program again as a child process, so that each measured client has a process (and a
/// peak working set) of its own, apart from the fleet the comparison hosts and from each other.
/// </summary>
internal sealed class BenchChild(TextWriter progress)
{
    /// <summary>Runs the command and returns the lines it printed on standard output.</summary>
    /// <exception cref="Engine.Errors.KubeFleetException">BenchRunFailed when the child fails.</exception>
    public async Task<IReadOnlyList<string>> RunAsync(BenchCommand command, string fleetFolder, CancellationToken cancellationToken)
    {
        var start = SelfStart();
        foreach (var argument in command.Arguments(fleetFolder))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw BenchErrors.Run($"{start.FileName} did not start.", start.FileName);
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        var diagnostics = (await errors).Trim();
        if (process.ExitCode != 0)
        {
            throw BenchErrors.Run($"{command} exited with {process.ExitCode}: {diagnostics}", command.Subcommand);
        }

        if (diagnostics.Length > 0)
        {
            await progress.WriteLineAsync($"    ({command.Subcommand} said: {diagnostics.ReplaceLineEndings(" | ")})");
        }

        return (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    /// <summary>This program's own executable, or <c>dotnet</c> with its assembly when it runs under the host.</summary>
    private static ProcessStartInfo SelfStart()
    {
        var executable = Environment.ProcessPath ?? throw BenchErrors.Run("The benchmark cannot tell its own executable's path.", null);
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(executable) == "dotnet")
        {
            start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        }

        return start;
    }
}
