using KubeFleet.Engine.Connections;

namespace KubeFleet.Engine.KubeConfig;

/// <summary>
/// The command an exec block will run, written as the user would type it in PowerShell, so that a
/// kubeconfig from someone else cannot run a program unseen (a kubeconfig is code).
/// </summary>
public static class ExecCommandLine
{
    /// <summary>
    /// The command and its arguments as the kubeconfig has them, each quoted when it needs to be;
    /// a relative command path also says which folder it is resolved against.
    /// </summary>
    public static string Describe(ExecConfig exec)
    {
        var line = string.Join(' ', new[] { exec.Command }.Concat(exec.Args).Select(Quote));
        return ExecConfigReader.IsRelativePath(exec.Command) && exec.BaseDirectory is not null
            ? $"{line} (resolves to '{Path.GetFullPath(Path.Combine(exec.BaseDirectory, exec.Command))}')"
            : line;
    }

    private static string Quote(string word) =>
        word.Length > 0 && !word.Any(c => char.IsWhiteSpace(c) || c is '\'' or '"' or '`' or '$' or ';' or '&' or '|' or '(' or ')' or '{' or '}' or '@' or '#' or ',' or '<' or '>')
            ? word
            : $"'{word.Replace("'", "''", StringComparison.Ordinal)}'";
}
