namespace KubeFleet.Engine.Workspaces;

/// <summary>
/// What a workspace may be called. Names are compared regardless of case; they may not hold
/// wildcard characters, since -Workspace takes patterns.
/// </summary>
public static class WorkspaceNames
{
    private const int MaximumLength = 63;

    /// <exception cref="Errors.KubeFleetException">KubeWorkspaceNameInvalid.</exception>
    public static string Checked(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Problem(name) is { } problem ? throw WorkspaceErrors.NameInvalid(name, problem) : name;
    }

    private static string? Problem(string name)
    {
        if (name.Length == 0)
        {
            return "is empty";
        }

        if (name.Length > MaximumLength)
        {
            return $"is longer than {MaximumLength} characters";
        }

        if (!char.IsLetterOrDigit(name[0]))
        {
            return "does not begin with a letter or digit";
        }

        var refused = name.Where(c => !(char.IsLetterOrDigit(c) || c is '-' or '_' or '.')).ToList();
        return refused.Count == 0 ? null : $"contains '{refused[0]}'";
    }
}
