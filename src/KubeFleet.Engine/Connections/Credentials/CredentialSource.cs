using KubeFleet.Engine.Connections.Exec;
using KubeFleet.Engine.Connections.Tls;

namespace KubeFleet.Engine.Connections.Credentials;

/// <summary>Where a connection's credentials come from, and whether a 401 can be cured by asking again.</summary>
internal abstract class CredentialSource
{
    public static CredentialSource For(string clusterName, ClusterAccess access, ExecCredentialProvider execCredentials) => access.Credential switch
    {
        AnonymousCredential => new FixedCredentialSource(RequestCredentials.None),
        TokenCredential token => new FixedCredentialSource(new RequestCredentials(token.Token, null)),
        ClientCertificateCredential certificate => new FixedCredentialSource(new RequestCredentials(
            null, PemCertificates.LoadClientCertificate(clusterName, certificate.CertificatePem, certificate.KeyPem, "from its registration"))),
        ExecCredential exec => new ExecCredentialSource(new ExecPluginInvocation(clusterName, exec.Config, access), execCredentials),
        _ => throw new ArgumentException($"Unknown credential kind {access.Credential.Kind}.", nameof(access)),
    };

    public abstract ValueTask<RequestCredentials> GetAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Called after the server answered 401 to <paramref name="rejected"/>. True when fresh
    /// credentials were obtained and the request is worth sending once more.
    /// </summary>
    public abstract ValueTask<bool> RefreshAfterUnauthorizedAsync(RequestCredentials rejected, CancellationToken cancellationToken);
}

/// <summary>A token or certificate fixed at registration: a 401 is final.</summary>
internal sealed class FixedCredentialSource(RequestCredentials credentials) : CredentialSource
{
    public override ValueTask<RequestCredentials> GetAsync(CancellationToken cancellationToken) => ValueTask.FromResult(credentials);

    public override ValueTask<bool> RefreshAfterUnauthorizedAsync(RequestCredentials rejected, CancellationToken cancellationToken) => ValueTask.FromResult(false);
}

/// <summary>
/// Credentials from an exec plugin, cached until they expire. Unlike client-go, which re-runs the
/// plugin after a 401 but fails the request, the request is retried once with the fresh
/// credentials, so a long search survives a 15-minute EKS token expiring under it.
/// </summary>
internal sealed class ExecCredentialSource(ExecPluginInvocation invocation, ExecCredentialProvider provider) : CredentialSource
{
    public override async ValueTask<RequestCredentials> GetAsync(CancellationToken cancellationToken) =>
        (await provider.GetAsync(invocation, cancellationToken).ConfigureAwait(false)).Credentials;

    public override async ValueTask<bool> RefreshAfterUnauthorizedAsync(RequestCredentials rejected, CancellationToken cancellationToken)
    {
        await provider.RefreshAsync(invocation, rejected, cancellationToken).ConfigureAwait(false);
        return true;
    }
}
