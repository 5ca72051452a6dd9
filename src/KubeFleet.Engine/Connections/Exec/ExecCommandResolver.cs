namespace KubeFleet.Engine.Connections.Exec;

/// <summary>
/// Finds the program an exec block names, as client-go does: a command with a path separator is a
/// path, relative to the kubeconfig's folder; a bare name is looked up on PATH.
/// </summary>
internal static class ExecCommandResolver
{
    public static bool IsPath(string command) =>
        command.Contains('/') || (OperatingSystem.IsWindows() && command.Contains('\\'));

    /// <summary>The full path of the program, or null when there is none.</summary>
    public static string? Resolve(string command, string? baseDirectory)
    {
        if (IsPath(command))
        {
            var path = Path.IsPathRooted(command) ? command : Path.GetFullPath(command, baseDirectory ?? Environment.CurrentDirectory);
            return Candidates(path).FirstOrDefault(IsExecutableFile);
        }

        // Relative PATH entries are skipped, as Go (1.19+) refuses programs found through them:
        // they would run whatever the current folder happens to hold.
        var searchPath = Environment.GetEnvironmentVariable("PATH") ?? "";
        return searchPath
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(Path.IsPathRooted)
            .SelectMany(directory => Candidates(Path.Combine(directory, command)))
            .FirstOrDefault(IsExecutableFile);
    }

    /// <summary>On Windows a name without an extension means any of PATHEXT's.</summary>
    private static IEnumerable<string> Candidates(string path)
    {
        yield return path;
        if (OperatingSystem.IsWindows() && !Path.HasExtension(path))
        {
            var extensions = Environment.GetEnvironmentVariable("PATHEXT") ?? ".COM;.EXE;.BAT;.CMD";
            foreach (var extension in extensions.Split(';', StringSplitOptions.RemoveEmptyEntries))
            {
                yield return path + extension;
            }
        }
    }

    private static bool IsExecutableFile(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        if (OperatingSystem.IsWindows())
        {
            return true;
        }

        const UnixFileMode anyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        return (File.GetUnixFileMode(path) & anyExecute) != 0;
    }
}
