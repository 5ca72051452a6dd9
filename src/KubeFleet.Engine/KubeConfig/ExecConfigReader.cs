using KubeFleet.Engine.Connections;
using KubeFleet.Engine.Errors;

namespace KubeFleet.Engine.KubeConfig;

/// <summary>
/// Validates a <c>user.exec</c> block as client-go does (<c>validation.go</c>, <c>exec.go</c>) and
/// applies its defaults, so that the exported EKS kubeconfig works without hand edits.
/// </summary>
internal static class ExecConfigReader
{
    public const string V1 = "client.authentication.k8s.io/v1";
    public const string V1Beta1 = "client.authentication.k8s.io/v1beta1";
    private const string V1Alpha1 = "client.authentication.k8s.io/v1alpha1";

    public static ExecConfig Read(ExecEntry exec, UserEntry user, ICollection<string> warnings)
    {
        var owner = $"user '{user.Name}' {user.Origin.Where}";
        if (exec.Command is null)
        {
            throw Invalid(user, $"Invalid exec configuration: command must be specified for {owner} to use exec authentication plugin. Add the plugin's command (for EKS: 'aws'), or export the kubeconfig again.");
        }
        if (exec.ApiVersion is null)
        {
            throw Invalid(user, $"Invalid exec configuration: apiVersion must be specified for {owner} to use exec authentication plugin. Add 'apiVersion: {V1}' (or {V1Beta1}, whichever the plugin speaks).");
        }
        CheckApiVersion(exec.ApiVersion, owner, user);
        foreach (var variable in exec.Env)
        {
            if (variable.Name is null)
            {
                throw Invalid(user, $"Invalid exec configuration: env variable name must be specified for {owner} to use exec authentication plugin. Give every env entry a name.");
            }
            if (variable.Name.Contains('=') || variable.Name.Contains('\0'))
            {
                throw Invalid(user, $"The exec env variable name '{variable.Name}' of the {owner} holds '=' or a NUL character, which no environment variable name can. Fix the name.");
            }
        }
        if (IsRelativePath(exec.Command))
        {
            // Fails now, with the right message, when there is no folder to resolve it against.
            user.Origin.ResolvePath(exec.Command, $"exec command of the {owner}");
        }
        return new ExecConfig
        {
            ApiVersion = exec.ApiVersion,
            Command = exec.Command,
            Args = exec.Args,
            Env = exec.Env.Select(variable => new ExecEnvVar(variable.Name!, variable.Value)).ToList(),
            InteractiveMode = InteractiveMode(exec, owner, user, warnings),
            ProvideClusterInfo = exec.ProvideClusterInfo,
            InstallHint = exec.InstallHint,
            BaseDirectory = user.Origin.Folder,
        };
    }

    /// <summary>A command that names a file relative to the kubeconfig's folder, not one found on PATH.</summary>
    public static bool IsRelativePath(string command) =>
        !Path.IsPathRooted(command) && (command.Contains('/') || command.Contains(Path.DirectorySeparatorChar));

    private static void CheckApiVersion(string apiVersion, string owner, UserEntry user)
    {
        switch (apiVersion)
        {
            case V1 or V1Beta1:
                return;
            case V1Alpha1:
                throw new KubeFleetException(KubeConfigErrorIds.ExecApiVersionUnsupported, ErrorKind.InvalidData,
                    $"The exec plugin of the {owner} uses {V1Alpha1}, which Kubernetes removed in 1.24. Change apiVersion to {V1Beta1}; if the plugin only speaks v1alpha1, update it first (for EKS: aws-cli 1.23.9 or 2.6.3 and later, then run 'aws eks update-kubeconfig' again).",
                    user.Origin.Target);
            default:
                throw new KubeFleetException(KubeConfigErrorIds.ExecApiVersionUnsupported, ErrorKind.InvalidData,
                    $"The exec plugin of the {owner} has the invalid apiVersion '{apiVersion}'. Use {V1} or {V1Beta1}, whichever the plugin speaks.",
                    user.Origin.Target);
        }
    }

    private static ExecInteractiveMode InteractiveMode(ExecEntry exec, string owner, UserEntry user, ICollection<string> warnings)
    {
        switch (exec.InteractiveMode)
        {
            case nameof(ExecInteractiveMode.Never):
                return ExecInteractiveMode.Never;
            case nameof(ExecInteractiveMode.IfAvailable):
                return ExecInteractiveMode.IfAvailable;
            case nameof(ExecInteractiveMode.Always):
                return ExecInteractiveMode.Always;
            case null when exec.ApiVersion == V1:
                // client-go refuses this; KubeFleet takes v1beta1's default instead, which in a
                // runbook (no terminal) behaves like Never.
                warnings.Add($"The exec plugin of the {owner} uses {V1} without interactiveMode, which kubectl refuses. KubeFleet uses IfAvailable (the plugin may prompt only when there is a terminal, so in a runbook it behaves like Never). Add 'interactiveMode: Never' or 'IfAvailable' to say which you mean.");
                return ExecInteractiveMode.IfAvailable;
            case null:
                return ExecInteractiveMode.IfAvailable;
            default:
                throw Invalid(user, $"Invalid exec configuration: invalid interactiveMode for {owner}: \"{exec.InteractiveMode}\". Use Never, IfAvailable or Always (spelled exactly so).");
        }
    }

    private static KubeFleetException Invalid(UserEntry user, string message) =>
        new(KubeConfigErrorIds.ExecInvalid, ErrorKind.InvalidData, message, user.Origin.Target);
}
