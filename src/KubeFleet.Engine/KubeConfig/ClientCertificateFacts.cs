namespace KubeFleet.Engine.KubeConfig;

/// <summary>
/// What a client certificate says about itself, known before any connection: who Kubernetes will
/// take the caller to be (CN is the user, each O a group) and when the certificate stops working.
/// </summary>
public sealed record ClientCertificateFacts
{
    public required string Subject { get; init; }

    /// <summary>The subject's CN: the user name Kubernetes authenticates.</summary>
    public string? CommonName { get; init; }

    /// <summary>The subject's O values: the groups Kubernetes puts the user in.</summary>
    public IReadOnlyList<string> Organizations { get; init; } = [];

    public required DateTimeOffset NotBefore { get; init; }

    public required DateTimeOffset NotAfter { get; init; }

    /// <summary>For example "RSA 2048" or "ECDSA P-256".</summary>
    public required string KeyAlgorithm { get; init; }

    /// <summary>SHA-256 of the certificate (hex), as in the API server's X509SHA256 credential id.</summary>
    public required string Sha256Thumbprint { get; init; }
}
