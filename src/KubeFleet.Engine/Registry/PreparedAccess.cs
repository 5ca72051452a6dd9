using KubeFleet.Engine.Connections;
using KubeFleet.Engine.KubeConfig;

namespace KubeFleet.Engine.Registry;

/// <summary>
/// An <see cref="AccessSource"/> resolved to the access that will be verified and saved, with what
/// the user should be told about it: warnings (TLS verification off, defaults taken) and details
/// (which context, which server, which program an exec plugin runs). Nothing is sent anywhere yet.
/// </summary>
internal sealed record PreparedAccess(ResolvedContext Context, ClusterAccess Access, IReadOnlyList<string> Warnings, IReadOnlyList<string> Details)
{
    /// <exception cref="Errors.KubeFleetException">
    /// A kubeconfig error, KubeClusterServerInvalid, KubeClusterExecEnvironmentInvalid or KubeClusterExecEnvironmentWithoutPlugin.
    /// </exception>
    public static PreparedAccess From(AccessSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var context = source.KubeConfig.ResolveContext(source.ContextName);
        var details = new List<string> { DescribeContext(context) };
        var access = context.Access;
        if (source.Server is { } serverText)
        {
            var server = ParseServer(serverText, access.Credential);
            details.Add($"The server address {server} replaces the kubeconfig's {access.Server}.");
            access = access with { Server = server };
        }

        var execEnvironment = source.ExecEnvironment;
        if (execEnvironment.Count > 0 && access.Credential is not ExecCredential && source.ExecEnvironmentForPluginsOnly)
        {
            details.Add($"-ExecEnvironment is not used for context '{context.ContextName}': its user runs no exec plugin.");
            execEnvironment = [];
        }

        if (execEnvironment.Count > 0)
        {
            access = WithExecEnvironment(access, execEnvironment, context.ContextName);
        }

        details.Add(DescribeCredential(context, access, execEnvironment));
        return new PreparedAccess(context, access, context.Warnings, details);
    }

    /// <summary>What the exec plugin will run, when the credential is one: shown before it first runs.</summary>
    public string? ExecCommand => Context.ExecCommand;

    private static string DescribeContext(ResolvedContext context)
    {
        var how = context.Selection == ContextSelection.CurrentContext ? "the kubeconfig's current context" : "named with -Context";
        var where = context.SourceFile is { } file ? $" in '{file}'" : " in the kubeconfig text";
        var user = context.UserName is { } name ? $"user '{name}'" : "no user";
        return $"Using context '{context.ContextName}' ({how}){where}: cluster '{context.ClusterName}' at {context.Access.Server}, {user}.";
    }

    private static string DescribeCredential(ResolvedContext context, ClusterAccess access, IReadOnlyList<ExecEnvVar> fromParameter)
    {
        switch (access.Credential)
        {
            case ExecCredential { Config: var exec }:
                var variables = exec.Env.Count == 0
                    ? "no extra environment variables"
                    : "the environment variables " + string.Join(", ", exec.Env.Select(variable =>
                        $"{variable.Name} (from {(fromParameter.Any(given => given.Name == variable.Name) ? "-ExecEnvironment" : "the kubeconfig")})")) +
                      ", their values sealed in the profile";
                return $"The credential comes from an exec plugin ({exec.ApiVersion}, interactiveMode {exec.InteractiveMode}), which KubeFleet runs for tokens as: {context.ExecCommand}; it gets {variables}.";
            case ClientCertificateCredential when context.ClientCertificate is { } certificate:
                return $"The credential is the client certificate {certificate.Subject} ({certificate.KeyAlgorithm}), valid until {certificate.NotAfter.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z; its key is sealed in the profile.";
            case TokenCredential:
                return "The credential is a bearer token, sealed in the profile.";
            default:
                return "There is no credential: requests to the cluster are anonymous.";
        }
    }

    private static Uri ParseServer(string text, ClusterCredential credential)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var server) || (server.Scheme != Uri.UriSchemeHttps && server.Scheme != Uri.UriSchemeHttp))
        {
            throw RegistryErrors.ServerInvalid(text, "is not an absolute https:// URL");
        }

        if (server.UserInfo.Length > 0)
        {
            throw RegistryErrors.ServerInvalid(text, "holds a user name or password, which the kubeconfig's credential provides instead");
        }

        if (server.Query.Length > 0 || server.Fragment.Length > 0)
        {
            throw RegistryErrors.ServerInvalid(text, "has a query or fragment, which an API server address never has");
        }

        if (server.Scheme == Uri.UriSchemeHttp && credential is not AnonymousCredential)
        {
            throw RegistryErrors.ServerInvalid(text, $"is plain http://, and the {credential.Kind} credential would travel unencrypted (KubeFleet, like client-go, never sends credentials over http)");
        }

        return server;
    }

    private static ClusterAccess WithExecEnvironment(ClusterAccess access, IReadOnlyList<ExecEnvVar> given, string contextName)
    {
        if (access.Credential is not ExecCredential exec)
        {
            throw RegistryErrors.ExecEnvironmentWithoutPlugin(contextName, access.Credential.Kind);
        }

        foreach (var variable in given)
        {
            if (variable.Name.Length == 0 || variable.Name.Contains('=') || variable.Name.Contains('\0'))
            {
                throw RegistryErrors.ExecEnvironmentInvalid(variable.Name, "is not an environment variable name: it is empty, or holds '=' or a NUL character");
            }
        }

        var merged = exec.Config.Env.Where(variable => given.All(replacement => replacement.Name != variable.Name)).Concat(given).ToList();
        return access with { Credential = new ExecCredential(exec.Config with { Env = merged }) };
    }
}
