using KubeFleet.Engine.Errors;

namespace KubeFleet.Engine.Registry;

/// <summary>The registry's own failures, each with its stable id and a message that says what to do.</summary>
internal static class RegistryErrors
{
    public static KubeFleetException NameInvalid(string name, string problem, string suggestion) => new(
        RegistryErrorIds.NameInvalid,
        ErrorKind.InvalidArgument,
        $"'{name}' cannot be a cluster name: it {problem}. A name is like a DNS name (at most {ClusterNames.MaxLength} characters); for example '{suggestion}'.",
        name);

    public static KubeFleetException NameTaken(string name, string existingName, string profilePath) => new(
        RegistryErrorIds.NameTaken,
        ErrorKind.ResourceExists,
        $"The profile {profilePath} already has a cluster named '{existingName}' (names are unique regardless of case, and never change). " +
        $"Choose another name, or give '{existingName}' a new credential with Update-KubeClusterCertificate.",
        name);

    public static KubeFleetException DuplicateCluster(string name, string clusterUid, string existingName) => new(
        RegistryErrorIds.DuplicateCluster,
        ErrorKind.ResourceExists,
        $"The cluster behind '{name}' is already registered as '{existingName}' (same kube-system UID {clusterUid}). " +
        $"Use '{existingName}', give it a new credential with Update-KubeClusterCertificate, or add -Force to register the same cluster a second time (for example with another user's credential).",
        name);

    public static KubeFleetException ClusterMismatch(string name, string registeredUid, string newUid, Uri server) => new(
        RegistryErrorIds.RotateClusterMismatch,
        ErrorKind.InvalidOperation,
        $"The new credential reaches another cluster: {server.Authority} answers with kube-system UID {newUid}, but '{name}' is registered as UID {registeredUid}. " +
        $"Nothing was changed. Check that the kubeconfig and context are the ones for '{name}'; register that cluster under a name of its own; or, if '{name}' was rebuilt and really is a new cluster now, add -Force.",
        name);

    // A cluster imported from a shared workspace is the one its colleague exported: no -Force can make it another.
    public static KubeFleetException SharedClusterMismatch(string name, string sharedUid, string newUid, Uri server) => new(
        RegistryErrorIds.RotateClusterMismatch,
        ErrorKind.InvalidOperation,
        $"The credential reaches another cluster: {server.Authority} answers with kube-system UID {newUid}, but '{name}' was shared with you as UID {sharedUid}. " +
        $"Nothing was changed, and -Force does not apply to a shared cluster. Use the kubeconfig and context for '{name}', or register the other cluster under a name of its own.",
        name);

    public static KubeFleetException NotFound(string errorId, string name, string profilePath) => new(
        errorId,
        ErrorKind.ObjectNotFound,
        $"There is no cluster named '{name}' in the profile {profilePath}. Get-KubeCluster lists the registered clusters (names are compared regardless of case).",
        name);

    public static KubeFleetException LabelInvalid(string key, string value, string problem) => new(
        RegistryErrorIds.LabelInvalid,
        ErrorKind.InvalidArgument,
        $"Cluster labels follow Kubernetes' rules, and {problem}. Use keys such as 'env' or 'example.com/team', and values of at most 63 letters, digits, '-', '_' or '.' (or empty).",
        $"{key}={value}");

    public static KubeFleetException ServerInvalid(string server, string problem) => new(
        RegistryErrorIds.ServerInvalid,
        ErrorKind.InvalidArgument,
        $"The server address '{server}' {problem}. Give the API server's https:// URL, for example 'https://kubernetes.default.svc:443'.",
        server);

    public static KubeFleetException ExecEnvironmentInvalid(string variableName, string problem) => new(
        RegistryErrorIds.ExecEnvironmentInvalid,
        ErrorKind.InvalidArgument,
        $"The exec environment variable '{variableName}' {problem}. Give each variable a name without '=' and a value.",
        variableName);

    public static KubeFleetException ExecEnvironmentWithoutPlugin(string contextName, string credentialKind) => new(
        RegistryErrorIds.ExecEnvironmentWithoutPlugin,
        ErrorKind.InvalidArgument,
        $"-ExecEnvironment gives variables to an exec credential plugin, but the user of context '{contextName}' has a {credentialKind} credential and runs no plugin. Leave -ExecEnvironment out, or choose the context whose user has the exec block.",
        contextName);

    public static KubeFleetException WildcardInvalid(string text, string what, string problem, Exception? inner = null) => new(
        RegistryErrorIds.WildcardInvalid,
        ErrorKind.InvalidArgument,
        $"The {what} '{text}' is not a valid wildcard pattern: {problem}. To match '[' or ']' literally, escape it with a backtick (`[).",
        text,
        inner);
}
