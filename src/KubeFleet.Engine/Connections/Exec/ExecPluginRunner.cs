using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using KubeFleet.Engine.Errors;

namespace KubeFleet.Engine.Connections.Exec;

/// <summary>
/// Runs an exec credential plugin under client-go's contract: environment = ours + the exec block's
/// env + KUBERNETES_EXEC_INFO; stdin only when interactive; stdout is the ExecCredential. Its
/// stderr is kept (bounded, secrets removed) to explain a failure.
/// </summary>
internal sealed class ExecPluginRunner
{
    private const int MaxOutputChars = 1024 * 1024;
    private const int MaxErrorOutputChars = 8 * 1024;

    private readonly TimeSpan _timeout;
    private readonly Func<bool> _standardInputIsTerminal;

    public ExecPluginRunner(TimeSpan timeout, Func<bool> standardInputIsTerminal)
    {
        _timeout = timeout;
        _standardInputIsTerminal = standardInputIsTerminal;
    }

    public async Task<ExecCredentialResult> RunAsync(ExecPluginInvocation invocation, CancellationToken cancellationToken)
    {
        var config = invocation.Config;
        var interactive = DecideInteractive(invocation);
        var program = ExecCommandResolver.Resolve(config.Command, config.BaseDirectory) ?? throw NotFound(invocation);

        // Interactive plugins prompt on stderr, so it stays the user's; otherwise it is captured.
        var startInfo = new ProcessStartInfo(program)
        {
            UseShellExecute = false,
            RedirectStandardInput = !interactive,
            RedirectStandardOutput = true,
            RedirectStandardError = !interactive,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = interactive ? null : Encoding.UTF8,
        };
        foreach (var argument in config.Args)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var variable in config.Env)
        {
            startInfo.Environment[variable.Name] = variable.Value;
        }

        startInfo.Environment[ExecInfo.VariableName] = ExecInfo.Build(config, invocation.Access, interactive);

        using var process = new Process { StartInfo = startInfo };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            throw Failure(invocation, ConnectionErrorIds.ExecPluginFailed, ErrorKind.InvalidOperation, $"could not be started: {program}: {e.Message}.", "", "Check that it is a program this system can run.", e);
        }

        if (!interactive)
        {
            // client-go gives a non-interactive plugin no stdin: it reads end-of-file at once.
            process.StandardInput.Close();
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_timeout);
        var stdout = ReadBoundedAsync(process.StandardOutput, deadline.Token);
        var errorTail = new OutputTail(MaxErrorOutputChars);
        var stderr = interactive ? Task.CompletedTask : errorTail.CaptureAsync(process.StandardError, deadline.Token);
        string output;
        try
        {
            // Output ends when the plugin closes it: normally at exit; a child left holding the
            // pipes open runs into the deadline like a hung plugin.
            output = await stdout.WaitAsync(deadline.Token).ConfigureAwait(false);
            await stderr.WaitAsync(deadline.Token).ConfigureAwait(false);
            await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e)
        {
            StopTree(process);
            cancellationToken.ThrowIfCancellationRequested();
            throw Failure(invocation, ConnectionErrorIds.ExecPluginTimedOut, ErrorKind.OperationTimeout, $"did not finish within {_timeout.TotalSeconds:0.#} s and was stopped.", Redact(errorTail.ToString(), config), "It may be waiting for a login or prompt that cannot be answered here: log in with the plugin first, or raise the plugin timeout.", e);
        }
        catch (OutputTooLargeException e)
        {
            StopTree(process);
            throw Failure(invocation, ConnectionErrorIds.ExecPluginInvalidOutput, ErrorKind.InvalidData, $"printed more than {MaxOutputChars / 1024} KiB, which is no ExecCredential.", "", "Check the command and its arguments.", e);
        }

        var errorOutput = Redact(errorTail.ToString(), config);
        if (process.ExitCode != 0)
        {
            throw Failure(invocation, ConnectionErrorIds.ExecPluginFailed, ErrorKind.InvalidOperation, $"failed: getting credentials: exec: executable {config.Command} failed with exit code {process.ExitCode}.", errorOutput, "Run the command yourself to see what it needs (a login, a profile, network access).", null);
        }

        try
        {
            return ExecCredentialOutput.Parse(output, invocation);
        }
        catch (ExecOutputRejectedException e)
        {
            throw Failure(invocation, ConnectionErrorIds.ExecPluginInvalidOutput, ErrorKind.InvalidData, $"failed: getting credentials: {e.Message}.", errorOutput, "Run the command yourself and compare what it prints with the exec block (apiVersion, output format).", e);
        }
    }

    private bool DecideInteractive(ExecPluginInvocation invocation)
    {
        switch (invocation.Config.InteractiveMode)
        {
            case ExecInteractiveMode.Never:
                return false;
            case ExecInteractiveMode.IfAvailable:
                return _standardInputIsTerminal();
            default:
                if (!_standardInputIsTerminal())
                {
                    throw Failure(invocation, ConnectionErrorIds.ExecPluginNeedsTerminal, ErrorKind.InvalidOperation, "failed: exec plugin cannot support interactive mode: standard input is not a terminal.", "", "Its exec block says interactiveMode: Always; run it where a terminal is available, or use a plugin configuration that needs no prompt.", null);
                }

                return true;
        }
    }

    private static KubeFleetException NotFound(ExecPluginInvocation invocation)
    {
        var config = invocation.Config;
        var what = ExecCommandResolver.IsPath(config.Command)
            ? $"cannot run: {Path.GetFullPath(config.Command, config.BaseDirectory ?? Environment.CurrentDirectory)} does not exist or is not executable."
            : $"failed: exec: executable {config.Command} not found. It looks like you are trying to use a client-go credential plugin that is not installed.";
        var remedy = config.InstallHint is { Length: > 0 } hint
            ? hint.Trim()
            : "Install it, or put its folder on PATH (https://kubernetes.io/docs/reference/access-authn-authz/authentication/#client-go-credential-plugins).";
        return Failure(invocation, ConnectionErrorIds.ExecPluginNotFound, ErrorKind.NotInstalled, what, "", remedy, null);
    }

    private static KubeFleetException Failure(ExecPluginInvocation invocation, string errorId, ErrorKind kind, string what, string errorOutput, string remedy, Exception? inner)
    {
        var stderr = errorOutput.Length == 0 ? "" : $" Its error output: {errorOutput.Trim()}";
        return new KubeFleetException(
            errorId,
            kind,
            $"The exec credential plugin '{invocation.Config.Command}' of cluster '{invocation.ClusterName}' {what}{stderr}{Environment.NewLine}{remedy}",
            invocation.ClusterName,
            inner);
    }

    /// <summary>Exec env values are secrets (AWS keys); a plugin that echoes them must not leak them into an error.</summary>
    private static string Redact(string text, ExecConfig config)
    {
        foreach (var variable in config.Env.Where(variable => variable.Value.Length >= 4).OrderByDescending(variable => variable.Value.Length))
        {
            text = text.Replace(variable.Value, "***", StringComparison.Ordinal);
        }

        return text;
    }

    private static async Task<string> ReadBoundedAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        var buffer = new char[8192];
        int read;
        while ((read = await reader.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (text.Length + read > MaxOutputChars)
            {
                throw new OutputTooLargeException();
            }

            text.Append(buffer, 0, read);
        }

        return text.ToString();
    }

    private static void StopTree(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited on its own meanwhile.
        }
    }

    private sealed class OutputTooLargeException : Exception;
}
