using System.Text;
using KubeFleet.Engine.Errors;
using KubeFleet.StandIn.Hosting;
using KubeFleet.StandIn.Security;

namespace KubeFleet.StandIn.ExecPlugin;

/// <summary>
/// Writes the exec plugin into a folder: the fleet secret, and two small scripts that run the
/// stand-in's own executable (its apphost, which starts in a fraction of a second) with the
/// <c>exec-credential</c> subcommand: one plain plugin, and one named <c>aws</c>.
/// </summary>
public static class ExecPluginInstaller
{
    public const string PluginName = "kubefleet-exec-credential";

    public static ExecPluginInstall Install(string folder, ExecTokens tokens, ExecPluginOptions options)
    {
        var target = Path.GetFullPath(folder);
        Directory.CreateDirectory(target);
        var secretFile = Path.Combine(target, "fleet.secret");
        tokens.WriteSecretFile(secretFile);

        var arguments = new List<string> { ExecCredentialCommand.Name, "--fleet-secret-file", secretFile, "--ttl", $"{(long)options.TokenLifetime.TotalSeconds}s" };
        if (options.RecordFile is { } record)
        {
            arguments.AddRange(["--record", Path.GetFullPath(record)]);
        }

        foreach (var name in options.RecordEnvironment)
        {
            arguments.AddRange(["--record-env", name]);
        }

        if (options.FailWithExitCode is { } exitCode)
        {
            arguments.AddRange(["--fail-with-exit", exitCode.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        }

        if (options.Stderr is { } stderr)
        {
            arguments.AddRange(["--stderr", stderr]);
        }

        var plugin = WriteScript(target, PluginName, arguments);
        var aws = WriteScript(target, "aws", [.. arguments, "--aws"]);
        return new ExecPluginInstall(target, plugin, aws, secretFile, options.RecordFile is null ? null : Path.GetFullPath(options.RecordFile));
    }

    private static string WriteScript(string folder, string name, IReadOnlyList<string> arguments)
    {
        var appHost = AppHostPath();
        if (OperatingSystem.IsWindows())
        {
            var path = Path.Combine(folder, name + ".cmd");
            var line = string.Join(' ', arguments.Prepend(appHost).Select(a => $"\"{a.Replace("\"", "\"\"", StringComparison.Ordinal)}\""));
            PrivateFile.WriteAllText(path, $"@echo off\r\n{line} %*\r\n");
            return path;
        }
        else
        {
            var path = Path.Combine(folder, name);
            var script = new StringBuilder("#!/bin/sh\nexec");
            foreach (var argument in arguments.Prepend(appHost))
            {
                script.Append(' ').Append(ShellQuote(argument));
            }

            script.Append(" \"$@\"\n");
            PrivateFile.WriteAllText(path, script.ToString());
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            return path;
        }
    }

    private static string ShellQuote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    // The SDK copies the apphost of a referenced executable project beside it, so it is found
    // from the stand-in's assembly wherever that assembly was loaded from.
    private static string AppHostPath()
    {
        var folder = Path.GetDirectoryName(typeof(ExecPluginInstaller).Assembly.Location)!;
        var appHost = Path.Combine(folder, "KubeFleet.StandIn" + (OperatingSystem.IsWindows() ? ".exe" : ""));
        return File.Exists(appHost)
            ? appHost
            : throw new KubeFleetException("StandInAppHostMissing", ErrorKind.NotInstalled,
                $"The stand-in's executable '{appHost}' is missing, so no exec plugin can run it. Build KubeFleet.StandIn with its apphost (UseAppHost is on by default).", appHost);
    }
}
