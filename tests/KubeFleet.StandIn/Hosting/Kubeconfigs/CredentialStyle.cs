namespace KubeFleet.StandIn.Hosting.Kubeconfigs;

/// <summary>How a kubeconfig user entry carries its credential.</summary>
public enum CredentialStyle
{
    /// <summary>No credential at all (<c>user: {}</c>): the server sees an anonymous request.</summary>
    None,

    /// <summary>The user's own credential inline: <c>client-certificate-data</c>/<c>client-key-data</c>, or <c>token</c>.</summary>
    Embedded,

    /// <summary>The user's own credential in files beside the kubeconfig: <c>client-certificate</c>/<c>client-key</c>, or <c>tokenFile</c>; the CA too.</summary>
    Files,

    /// <summary>The exec plugin, <c>client.authentication.k8s.io/v1</c>, <c>interactiveMode: Never</c>, <c>provideClusterInfo: true</c> with a cluster exec extension.</summary>
    ExecV1,

    /// <summary>The exec plugin, <c>client.authentication.k8s.io/v1beta1</c>, no interactiveMode, the cluster passed as an argument.</summary>
    ExecV1Beta1,

    /// <summary>Exactly what <c>aws eks update-kubeconfig</c> writes: ARN names and <c>command: aws</c> (found on PATH).</summary>
    Eks,
}
