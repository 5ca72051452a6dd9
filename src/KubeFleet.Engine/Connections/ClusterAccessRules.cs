using KubeFleet.Engine.Errors;

namespace KubeFleet.Engine.Connections;

/// <summary>What makes a cluster access unusable before anything is sent, checked when a connection opens.</summary>
internal static class ClusterAccessRules
{
    public static void EnsureUsable(string clusterName, ClusterAccess access)
    {
        var server = access.Server;
        if (!server.IsAbsoluteUri || (server.Scheme != Uri.UriSchemeHttps && server.Scheme != Uri.UriSchemeHttp))
        {
            throw new KubeFleetException(
                ConnectionErrorIds.ServerAddressInvalid,
                ErrorKind.InvalidArgument,
                $"The server address of cluster '{clusterName}' is not an https:// URL. Use the API server's address, e.g. https://api.example.com:6443.",
                clusterName);
        }

        if (server.Scheme == Uri.UriSchemeHttp && access.Credential is not AnonymousCredential)
        {
            throw new KubeFleetException(
                ConnectionErrorIds.CredentialsOverHttp,
                ErrorKind.SecurityError,
                $"Cluster '{clusterName}' is at a plain http:// address, and its {access.Credential.Kind} credential would travel unencrypted. Use the API server's https:// address (client-go never sends credentials over http either).",
                clusterName);
        }

        if (access.InsecureSkipTlsVerify && access.CertificateAuthorityPem is not null)
        {
            throw new KubeFleetException(
                ConnectionErrorIds.InsecureWithCertificateAuthority,
                ErrorKind.InvalidArgument,
                $"Cluster '{clusterName}' has both a certificate authority and insecure-skip-tls-verify; specifying a root certificates file with the insecure flag is not allowed. Remove insecure-skip-tls-verify.",
                clusterName);
        }

        if (access.ImpersonateGroups.Count > 0 && string.IsNullOrEmpty(access.Impersonate))
        {
            throw new KubeFleetException(
                ConnectionErrorIds.ImpersonationInvalid,
                ErrorKind.InvalidArgument,
                $"Cluster '{clusterName}' impersonates groups ({string.Join(", ", access.ImpersonateGroups)}) without impersonating a user. Set the user to impersonate (kubeconfig 'as') as well.",
                clusterName);
        }

        // .NET's HTTP stack joins repeated headers into one comma-separated line, and the API
        // server would read that line as a single group named "a, b": refuse rather than mislead.
        if (access.ImpersonateGroups.Count > 1)
        {
            throw new KubeFleetException(
                ConnectionErrorIds.ImpersonationInvalid,
                ErrorKind.InvalidArgument,
                $"Cluster '{clusterName}' impersonates {access.ImpersonateGroups.Count} groups ({string.Join(", ", access.ImpersonateGroups)}); KubeFleet can impersonate one group at most, because its HTTP stack cannot send the Impersonate-Group header more than once. Keep one group (kubeconfig 'as-groups').",
                clusterName);
        }
    }
}
