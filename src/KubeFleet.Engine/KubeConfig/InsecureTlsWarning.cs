namespace KubeFleet.Engine.KubeConfig;

/// <summary>
/// The warning given whenever a cluster is reached with TLS verification off: at registration,
/// and again at each use, so that it is never forgotten.
/// </summary>
public static class InsecureTlsWarning
{
    public static string For(string clusterName) =>
        $"TLS verification is off for the cluster '{clusterName}' (insecure-skip-tls-verify): anyone between here and the server can read and change the traffic, credentials included. Give the cluster's certificate authority instead (certificate-authority-data).";
}
