namespace KubeFleet.Engine.Registry;

/// <summary>
/// A kubeconfig context made ready to use as a cluster's access, checked as far as it can be
/// without the network: what registering and rotating both show before they verify and save.
/// </summary>
public abstract class AccessPlan
{
    private protected AccessPlan(PreparedAccess access)
    {
        Access = access;
    }

    public string ContextName => Access.Context.ContextName;

    public Uri Server => Access.Access.Server;

    /// <summary>The program an exec credential runs, as the user would type it; null for other credentials.</summary>
    public string? ExecCommand => Access.ExecCommand;

    /// <summary>What the user should heed before going on: TLS verification off, defaults taken.</summary>
    public IReadOnlyList<string> Warnings => Access.Warnings;

    /// <summary>Which context, server and credential will be used, one sentence each.</summary>
    public IReadOnlyList<string> Details => Access.Details;

    /// <summary>What going ahead will do, for a confirmation prompt: it names the program an exec plugin would run.</summary>
    public abstract string Action { get; }

    internal PreparedAccess Access { get; }

    private protected string ExecClause => ExecCommand is { } command ? $"; its exec plugin runs: {command}" : "";
}
