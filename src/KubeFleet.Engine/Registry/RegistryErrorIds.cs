namespace KubeFleet.Engine.Registry;

/// <summary>
/// The stable ids of the registry's own errors, named after the cmdlet that raises them (or the
/// noun, when several do). Failures to reach or verify a cluster keep their
/// <see cref="Connections.ConnectionErrorIds"/>, and kubeconfig problems their
/// <see cref="KubeConfig.KubeConfigErrorIds"/>.
/// </summary>
public static class RegistryErrorIds
{
    public const string NameInvalid = "RegisterKubeClusterNameInvalid";
    public const string NameTaken = "RegisterKubeClusterNameTaken";
    public const string DuplicateCluster = "RegisterKubeClusterDuplicateCluster";

    public const string LabelInvalid = "KubeClusterLabelInvalid";
    public const string ServerInvalid = "KubeClusterServerInvalid";
    public const string ExecEnvironmentInvalid = "KubeClusterExecEnvironmentInvalid";
    public const string ExecEnvironmentWithoutPlugin = "KubeClusterExecEnvironmentWithoutPlugin";
    public const string WildcardInvalid = "KubeClusterWildcardInvalid";

    public const string GetNotFound = "GetKubeClusterNotFound";
    public const string SetNotFound = "SetKubeClusterNotFound";
    public const string TestNotFound = "TestKubeClusterNotFound";
    public const string UnregisterNotFound = "UnregisterKubeClusterNotFound";
    public const string RotateNotFound = "UpdateKubeClusterCertificateNotFound";

    public const string RotateClusterMismatch = "UpdateKubeClusterCertificateClusterMismatch";
}
