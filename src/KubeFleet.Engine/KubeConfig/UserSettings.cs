using KubeFleet.Engine.Connections;
using KubeFleet.Engine.Errors;

namespace KubeFleet.Engine.KubeConfig;

/// <summary>A <c>users[].user</c> entry checked and read: one credential, its files embedded.</summary>
internal sealed record UserSettings
{
    public static UserSettings Anonymous { get; } = new() { Credential = new AnonymousCredential() };

    public required ClusterCredential Credential { get; init; }

    public ClientCertificateFacts? ClientCertificate { get; init; }

    public string? Impersonate { get; init; }

    public IReadOnlyList<string> ImpersonateGroups { get; init; } = [];

    /// <summary>Whether the entry configures a client certificate (before it is read).</summary>
    public static bool UsesClientCertificate(UserEntry? user) =>
        user is not null && (user.ClientCertificate ?? user.ClientCertificateData) is not null;

    public static UserSettings Read(UserEntry user, ICollection<string> warnings)
    {
        var owner = $"user '{user.Name}'";
        RefuseLegacyAuthentication(user, owner);
        CheckImpersonation(user, owner);
        // client-go validates an exec block even when a token or certificate will win over it.
        var exec = user.Exec is null ? null : ExecConfigReader.Read(user.Exec, user, warnings);
        var token = ReadToken(user, owner);
        var certificate = ReadClientCertificate(user, owner);
        if (token is not null && certificate is not null)
        {
            throw new KubeFleetException(KubeConfigErrorIds.MultipleCredentials, ErrorKind.InvalidData,
                $"The {owner} {user.Origin.Where} has both a token and a client certificate. KubeFleet keeps one credential per cluster: remove the one you do not mean to use.",
                user.Origin.Target);
        }
        if (exec is not null && (token ?? (object?)certificate) is not null)
        {
            // As in client-go, a static credential wins over the plugin (exec.go returns early).
            var winner = token is not null ? "token" : "client certificate";
            warnings.Add($"The {owner} {user.Origin.Where} has an exec plugin and also a {winner}; like kubectl, KubeFleet uses the {winner} and never runs the plugin.");
        }
        return new UserSettings
        {
            Credential = token is not null ? new TokenCredential(token)
                : certificate is not null ? new ClientCertificateCredential(certificate.Value.CertificatePem, certificate.Value.KeyPem)
                : exec is not null ? new ExecCredential(exec)
                : new AnonymousCredential(),
            ClientCertificate = certificate?.Facts,
            Impersonate = user.Impersonate,
            ImpersonateGroups = user.ImpersonateGroups,
        };
    }

    private static void RefuseLegacyAuthentication(UserEntry user, string owner)
    {
        if (user.HasBasicAuth)
        {
            throw new KubeFleetException(KubeConfigErrorIds.BasicAuthUnsupported, ErrorKind.InvalidData,
                $"The {owner} {user.Origin.Where} signs in with a username and password (basic auth), which Kubernetes removed in 1.19. Use a token, a client certificate or an exec credential plugin instead.",
                user.Origin.Target);
        }
        if (user.AuthProviderName is { } provider)
        {
            var instead = provider switch
            {
                "gcp" => "For GKE, install gke-gcloud-auth-plugin ('gcloud components install gke-gcloud-auth-plugin') and run 'gcloud container clusters get-credentials' again, which writes an exec block.",
                "azure" => "For AKS, use kubelogin: 'kubelogin convert-kubeconfig' rewrites the user as an exec block.",
                "oidc" => "For OIDC, use kubelogin ('kubectl oidc-login', int128/kubelogin) as an exec plugin.",
                _ => "Use the exec credential plugin that replaces it.",
            };
            throw new KubeFleetException(KubeConfigErrorIds.AuthProviderUnsupported, ErrorKind.InvalidData,
                $"The {owner} {user.Origin.Where} uses the legacy auth-provider '{provider}', which client-go removed in favour of exec credential plugins. {instead}",
                user.Origin.Target);
        }
    }

    private static void CheckImpersonation(UserEntry user, string owner)
    {
        if (user.UnsupportedImpersonationField is { } field)
        {
            throw new KubeFleetException(KubeConfigErrorIds.ImpersonationInvalid, ErrorKind.InvalidData,
                $"The {owner} {user.Origin.Where} sets {field}; KubeFleet impersonates with 'as' and 'as-groups' only, and will not drop part of an identity silently. Remove {field}, or use a user that needs no impersonation.",
                user.Origin.Target);
        }
        if (user.ImpersonateGroups.Count > 0 && user.Impersonate is null)
        {
            throw new KubeFleetException(KubeConfigErrorIds.ImpersonationInvalid, ErrorKind.InvalidData,
                $"The {owner} {user.Origin.Where} is requesting groups (as-groups) without impersonating a user. Add 'as' with the user to impersonate.",
                user.Origin.Target);
        }
    }

    // client-go: an inline token wins over tokenFile; a token file is trimmed and must not be empty.
    private static string? ReadToken(UserEntry user, string owner)
    {
        var token = user.Token?.Trim();
        if (string.IsNullOrEmpty(token) && user.TokenFile is not null)
        {
            token = ReferencedContent.ReadFile(user.TokenFile, "tokenFile", owner, user.Origin).Trim();
            if (token.Length == 0)
            {
                throw new KubeFleetException(KubeConfigErrorIds.EmptyTokenFile, ErrorKind.InvalidData,
                    $"The tokenFile '{user.TokenFile}' of the {owner} {user.Origin.Where} is empty. Put the token in it, or fix the path.",
                    user.Origin.Target);
            }
        }
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }
        if (token.Any(c => c < ' ' || c > '~'))
        {
            // The token itself is never quoted.
            throw new KubeFleetException(KubeConfigErrorIds.InvalidToken, ErrorKind.InvalidData,
                $"The token of the {owner} {user.Origin.Where} holds line breaks, control or non-ASCII characters, which an HTTP header cannot carry. Check that the token (or token file) holds only the token.",
                user.Origin.Target);
        }
        return token;
    }

    private static (string CertificatePem, string KeyPem, ClientCertificateFacts Facts)? ReadClientCertificate(UserEntry user, string owner)
    {
        var hasCertificate = UsesClientCertificate(user);
        var hasKey = (user.ClientKey ?? user.ClientKeyData) is not null;
        if (hasCertificate && !hasKey)
        {
            throw new KubeFleetException(KubeConfigErrorIds.ClientCertificateWithoutKey, ErrorKind.InvalidData,
                $"Invalid client certificate configuration: client-key-data or client-key must be specified for {owner} {user.Origin.Where} to use the clientCert authentication method. Add the key that belongs to the certificate.",
                user.Origin.Target);
        }
        if (hasKey && !hasCertificate)
        {
            throw new KubeFleetException(KubeConfigErrorIds.ClientKeyWithoutCertificate, ErrorKind.InvalidData,
                $"Invalid client certificate configuration: client-certificate-data or client-certificate must be specified for {owner} {user.Origin.Where} to use its client key. Add the certificate that belongs to the key.",
                user.Origin.Target);
        }
        if (!hasCertificate)
        {
            return null;
        }
        var certificate = ReferencedContent.Read(user.ClientCertificate, user.ClientCertificateData, "client-certificate", owner, user.Origin)!;
        var key = ReferencedContent.Read(user.ClientKey, user.ClientKeyData, "client-key", owner, user.Origin)!;
        var facts = ClientCertificateInspector.Inspect(certificate, key, $"{owner} {user.Origin.Where}", user.Origin.Target);
        return (certificate, key, facts);
    }
}
