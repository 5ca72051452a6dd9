namespace KubeFleet.Engine.Registry;

/// <summary>
/// A registration checked as far as it can be without the network (the name is valid and free,
/// the kubeconfig context resolves, every file it names is read), ready to be confirmed by the
/// user and then verified and saved by <see cref="ClusterRegistrar.RegisterAsync"/>.
/// </summary>
public sealed class RegistrationPlan : AccessPlan
{
    internal RegistrationPlan(string name, PreparedAccess access, RegistrationOptions options)
        : base(access)
    {
        Name = name;
        Options = options;
    }

    public string Name { get; }

    public override string Action =>
        $"Register the cluster at {Server} from context '{ContextName}'" +
        (Options.SkipVerification ? " without verifying it" : "") +
        ExecClause;

    internal RegistrationOptions Options { get; }
}
