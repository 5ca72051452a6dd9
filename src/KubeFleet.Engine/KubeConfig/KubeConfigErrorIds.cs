namespace KubeFleet.Engine.KubeConfig;

/// <summary>The stable ids of every error the kubeconfig reader raises (scripts match on them).</summary>
public static class KubeConfigErrorIds
{
    public const string FileNotFound = "KubeConfigFileNotFound";
    public const string FileUnreadable = "KubeConfigFileUnreadable";
    public const string TooLarge = "KubeConfigTooLarge";
    public const string NotText = "KubeConfigNotText";
    public const string SyntaxError = "KubeConfigSyntaxError";
    public const string DuplicateKey = "KubeConfigDuplicateKey";
    public const string TooDeep = "KubeConfigTooDeep";
    public const string AliasLimitExceeded = "KubeConfigAliasLimitExceeded";
    public const string MultipleDocuments = "KubeConfigMultipleDocuments";
    public const string NotAKubeConfig = "KubeConfigNotAKubeConfig";
    public const string InvalidField = "KubeConfigInvalidField";
    public const string MissingName = "KubeConfigMissingName";
    public const string DuplicateName = "KubeConfigDuplicateName";

    public const string NoContexts = "KubeConfigNoContexts";
    public const string NoCurrentContext = "KubeConfigNoCurrentContext";
    public const string ContextNotFound = "KubeConfigContextNotFound";
    public const string ClusterNotFound = "KubeConfigClusterNotFound";
    public const string UserNotFound = "KubeConfigUserNotFound";
    public const string NamespaceInvalid = "KubeConfigNamespaceInvalid";
    public const string ServerMissing = "KubeConfigServerMissing";
    public const string ServerInvalid = "KubeConfigServerInvalid";
    public const string PlainHttpCredentials = "KubeConfigPlainHttpCredentials";
    public const string ProxyUrlInvalid = "KubeConfigProxyUrlInvalid";
    public const string InsecureWithCertificateAuthority = "KubeConfigInsecureWithCertificateAuthority";
    public const string ConflictingFields = "KubeConfigConflictingFields";
    public const string InvalidBase64 = "KubeConfigInvalidBase64";
    public const string InvalidPem = "KubeConfigInvalidPem";
    public const string UnsupportedKey = "KubeConfigUnsupportedKey";
    public const string ClientCertificateWithoutKey = "KubeConfigClientCertificateWithoutKey";
    public const string ClientKeyWithoutCertificate = "KubeConfigClientKeyWithoutCertificate";
    public const string ClientKeyMismatch = "KubeConfigClientKeyMismatch";
    public const string ReferencedFileNotFound = "KubeConfigReferencedFileNotFound";
    public const string ReferencedFileUnreadable = "KubeConfigReferencedFileUnreadable";
    public const string ReferencedFileTooLarge = "KubeConfigReferencedFileTooLarge";
    public const string RelativePathWithoutFolder = "KubeConfigRelativePathWithoutFolder";
    public const string EmptyTokenFile = "KubeConfigEmptyTokenFile";
    public const string InvalidToken = "KubeConfigInvalidToken";
    public const string MultipleCredentials = "KubeConfigMultipleCredentials";
    public const string BasicAuthUnsupported = "KubeConfigBasicAuthUnsupported";
    public const string AuthProviderUnsupported = "KubeConfigAuthProviderUnsupported";
    public const string ImpersonationInvalid = "KubeConfigImpersonationInvalid";
    public const string ExecInvalid = "KubeConfigExecInvalid";
    public const string ExecApiVersionUnsupported = "KubeConfigExecApiVersionUnsupported";
}
