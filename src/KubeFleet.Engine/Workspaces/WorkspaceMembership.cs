namespace KubeFleet.Engine.Workspaces;

/// <summary>
/// A change to the workspaces a cluster is in: replace them all, or add and remove some while
/// keeping the rest. Names are compared regardless of case.
/// </summary>
public sealed record WorkspaceMembership
{
    /// <summary>The workspaces the cluster ends up in, replacing the others; empty takes it out of all. Null keeps them.</summary>
    public IReadOnlyList<string>? Replace { get; init; }

    public IReadOnlyList<string> Add { get; init; } = [];

    public IReadOnlyList<string> Remove { get; init; } = [];

    public bool IsEmpty => Replace is null && Add.Count == 0 && Remove.Count == 0;

    /// <exception cref="Errors.KubeFleetException">KubeWorkspaceNameInvalid for a name that cannot be a workspace's.</exception>
    public WorkspaceMembership Checked() => new()
    {
        Replace = Replace?.Select(WorkspaceNames.Checked).ToList(),
        Add = Add.Select(WorkspaceNames.Checked).ToList(),
        Remove = Remove.Select(WorkspaceNames.Checked).ToList(),
    };

    /// <summary>Changes <paramref name="workspaces"/> in place.</summary>
    /// <returns>What changed, as a phrase ("added it to 'prod'; removed it from 'lab'"), or null when nothing did.</returns>
    public string? ApplyTo(IList<string> workspaces)
    {
        var before = workspaces.ToList();
        if (Replace is not null)
        {
            workspaces.Clear();
        }

        foreach (var name in (Replace ?? []).Concat(Add))
        {
            if (!workspaces.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                workspaces.Add(name);
            }
        }

        foreach (var name in Remove)
        {
            if (workspaces.FirstOrDefault(workspace => string.Equals(workspace, name, StringComparison.OrdinalIgnoreCase)) is { } member)
            {
                workspaces.Remove(member);
            }
        }

        var added = workspaces.Where(name => !before.Contains(name, StringComparer.OrdinalIgnoreCase)).ToList();
        var removed = before.Where(name => !workspaces.Contains(name, StringComparer.OrdinalIgnoreCase)).ToList();
        var parts = new List<string>();
        if (added.Count > 0)
        {
            parts.Add($"added it to {Quoted(added)}");
        }

        if (removed.Count > 0)
        {
            parts.Add($"removed it from {Quoted(removed)}");
        }

        return parts.Count == 0 ? null : string.Join("; ", parts);
    }

    /// <summary>What the change will do, for a confirmation prompt.</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (Replace is not null)
        {
            parts.Add(Replace.Count == 0 ? "take it out of every workspace" : $"put it in exactly {Quoted(Replace)}");
        }

        if (Add.Count > 0)
        {
            parts.Add($"add it to {Quoted(Add)}");
        }

        if (Remove.Count > 0)
        {
            parts.Add($"remove it from {Quoted(Remove)}");
        }

        return string.Join(", ", parts);
    }

    private static string Quoted(IEnumerable<string> names) => string.Join(", ", names.Select(name => $"'{name}'"));
}
