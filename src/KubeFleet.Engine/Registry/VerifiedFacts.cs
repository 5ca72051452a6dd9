using KubeFleet.Engine.Profile;
using KubeFleet.Engine.Registry.Verification;
using VerifiedPermissions = KubeFleet.Engine.Registry.Verification.ClusterPermissions;

namespace KubeFleet.Engine.Registry;

/// <summary>What a verification proved, written onto a cluster's record and told to the user.</summary>
internal static class VerifiedFacts
{
    public static void Record(ClusterRecord cluster, ClusterVerification verification)
    {
        cluster.ClusterUid = verification.ClusterUid;
        cluster.ServerVersion = verification.Version.GitVersion;
        cluster.UserName = verification.User;
        cluster.CertificateNotAfter = verification.ClientCertificateNotAfter;
        cluster.Permissions = ForProfile(verification.Permissions);
    }

    public static string Describe(ClusterVerification verification)
    {
        var user = verification.User is { } name ? $"'{name}'" : "a user it does not name";
        var groups = verification.Groups.Count > 0 ? $" (groups {string.Join(", ", verification.Groups)})" : "";
        return $"Verified cluster '{verification.ClusterName}': Kubernetes {verification.Version}, kube-system UID {verification.ClusterUid}, " +
            $"authenticated as {user}{groups}, {verification.Latency.TotalMilliseconds:0} ms for an authenticated read. " +
            $"Lists across namespaces: {YesNo(verification.Permissions.CanListAcrossNamespaces)}; read-only: {YesNo(verification.Permissions.ReadOnly)} ({verification.Permissions.ReadOnlyBasis}).";
    }

    // The profile keeps a verdict only when the cluster gave one: an unknown is not stored as a no.
    private static Profile.ClusterPermissions? ForProfile(VerifiedPermissions permissions) =>
        permissions is { CanListAcrossNamespaces: { } canList, ReadOnly: { } readOnly } ? new Profile.ClusterPermissions(canList, readOnly) : null;

    private static string YesNo(bool? answer) => answer switch
    {
        true => "yes",
        false => "no",
        null => "unknown",
    };
}
