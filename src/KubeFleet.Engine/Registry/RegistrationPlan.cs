namespace KubeFleet.Engine.Registry;

/// <summary>
/// A registration checked as far as it can be without the network (the name is valid and free,
/// the kubeconfig context resolves, every file it names is read), ready to be confirmed by the
/// user and then verified and saved by <see cref="ClusterRegistrar.RegisterAsync"/>.
/// </summary>
public sealed class RegistrationPlan
{
    internal RegistrationPlan(string name, PreparedAccess access, RegistrationOptions options)
    {
        Name = name;
        Access = access;
        Options = options;
    }

    public string Name { get; }

    public string ContextName => Access.Context.ContextName;

    public Uri Server => Access.Access.Server;

    /// <summary>The program an exec credential runs, as the user would type it; null for other credentials.</summary>
    public string? ExecCommand => Access.ExecCommand;

    /// <summary>What the user should heed before going on: TLS verification off, defaults taken.</summary>
    public IReadOnlyList<string> Warnings => Access.Warnings;

    /// <summary>Which context, server and credential will be used, one sentence each.</summary>
    public IReadOnlyList<string> Details => Access.Details;

    /// <summary>What registering will do, for a confirmation prompt: it names the program an exec plugin would run.</summary>
    public string Action =>
        $"Register the cluster at {Server} from context '{ContextName}'" +
        (Options.SkipVerification ? " without verifying it" : "") +
        (ExecCommand is { } command ? $"; its exec plugin runs: {command}" : "");

    internal PreparedAccess Access { get; }

    internal RegistrationOptions Options { get; }
}
