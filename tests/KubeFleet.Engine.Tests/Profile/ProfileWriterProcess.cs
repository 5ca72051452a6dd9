using System.Diagnostics;

namespace KubeFleet.Engine.Tests.Profile;

/// <summary>
/// Runs tests/KubeFleet.ProfileWriter as a separate process: a real second writer, with its own
/// locks, that a test can also kill, or start under another umask, file size limit or user.
/// </summary>
internal sealed class ProfileWriterProcess : IDisposable
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(60);

    private readonly Process process;

    private ProfileWriterProcess(Process process)
    {
        this.process = process;
    }

    public int Id => process.Id;

    /// <param name="arguments">The writer's command line (see its Program.cs).</param>
    /// <param name="shellSetup">Shell commands run first, in the same process (umask, ulimit, trap).</param>
    /// <param name="asUserId">Run as this user id (through setpriv), for tests that must not run as root.</param>
    /// <param name="environment">Extra environment variables for the writer.</param>
    public static ProfileWriterProcess Start(
        IEnumerable<string> arguments,
        string? shellSetup = null,
        int? asUserId = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var writer = Path.Combine(AppContext.BaseDirectory, "KubeFleet.ProfileWriter.dll");
        Assert.True(File.Exists(writer), $"{writer} is missing: the test project must reference KubeFleet.ProfileWriter.");
        var command = new List<string>();
        if (asUserId is { } uid)
        {
            command.AddRange(["setpriv", $"--reuid={uid}", $"--regid={uid}", "--clear-groups"]);
        }

        if (shellSetup is not null)
        {
            command.AddRange(["/bin/sh", "-c", shellSetup + "; exec \"$@\"", "sh"]);
        }

        command.AddRange([DotnetHost(), writer]);
        command.AddRange(arguments);

        var start = new ProcessStartInfo(command[0])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in command.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        // A writer must never see the developer's own profile or key.
        start.Environment.Remove("KUBEFLEET_PROFILE");
        start.Environment.Remove("KUBEFLEET_PROFILE_KEY");
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return new ProfileWriterProcess(Process.Start(start)!);
    }

    /// <summary>Runs a writer to its end and returns its exit code and error text.</summary>
    public static (int ExitCode, string Errors) Run(
        IEnumerable<string> arguments,
        string? shellSetup = null,
        int? asUserId = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        using var writer = Start(arguments, shellSetup, asUserId, environment);
        return writer.WaitForExit();
    }

    public (int ExitCode, string Errors) WaitForExit()
    {
        process.StandardInput.Close();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(ExitTimeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"The profile writer did not finish within {ExitTimeout}.");
        }

        return (process.ExitCode, errors.Result);
    }

    /// <summary>Waits for the writer to print a line (e.g. "locked").</summary>
    public string? ReadLine() => process.StandardOutput.ReadLine();

    /// <summary>Kills the writer at once (SIGKILL): no cleanup code of its own runs.</summary>
    public void Kill()
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            Kill();
        }

        process.Dispose();
    }

    private static string DotnetHost() =>
        Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath! : "dotnet";
}
