namespace KubeFleet.StandIn.Data.Catalog;

/// <summary>
/// cert-manager's custom resources, as its CustomResourceDefinitions declare them: the custom resource that
/// only some clusters of a fleet serve.
/// </summary>
public static class CertManagerResources
{
    public const string Group = "cert-manager.io";

    private const string ReadyStatus = ".status.conditions[?(@.type==\"Ready\")].status";
    private const string ReadyMessage = ".status.conditions[?(@.type==\"Ready\")].message";
    private const string CreationTimestampDescription =
        "CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.";

    public static readonly ResourceType Certificates = new()
    {
        Group = Group,
        Version = "v1",
        Resource = "certificates",
        Kind = "Certificate",
        Singular = "certificate",
        Namespaced = true,
        Verbs = KubeVerbs.Custom,
        ShortNames = ["cert", "certs"],
        Categories = ["cert-manager"],
        Subresources = [new SubresourceType("status", Group, "v1", "Certificate", KubeVerbs.Status)],
        IsCustom = true,
        PrinterColumns =
        [
            new PrinterColumn("Ready", "string", ReadyStatus),
            new PrinterColumn("Secret", "string", ".spec.secretName"),
            new PrinterColumn("Issuer", "string", ".spec.issuerRef.name", Priority: 1),
            new PrinterColumn("Status", "string", ReadyMessage, Priority: 1),
            new PrinterColumn("Age", "date", ".metadata.creationTimestamp", Description: CreationTimestampDescription),
        ],
    };

    public static readonly ResourceType ClusterIssuers = new()
    {
        Group = Group,
        Version = "v1",
        Resource = "clusterissuers",
        Kind = "ClusterIssuer",
        Singular = "clusterissuer",
        Namespaced = false,
        Verbs = KubeVerbs.Custom,
        Categories = ["cert-manager"],
        Subresources = [new SubresourceType("status", Group, "v1", "ClusterIssuer", KubeVerbs.Status)],
        IsCustom = true,
        PrinterColumns =
        [
            new PrinterColumn("Ready", "string", ReadyStatus),
            new PrinterColumn("Status", "string", ReadyMessage, Priority: 1),
            new PrinterColumn("Age", "date", ".metadata.creationTimestamp", Description: CreationTimestampDescription),
        ],
    };

    public static readonly IReadOnlyList<ResourceType> All = [Certificates, ClusterIssuers];
}
