using KubeFleet.Engine.Errors;
using KubeFleet.Engine.Profile;
using KubeFleet.Engine.Registry.Verification;

namespace KubeFleet.Engine.Registry;

/// <summary>
/// Gives a registered cluster a new credential (Karpor's "Rotate Certificate"): the new access is
/// verified first and must reach the same cluster (kube-system UID) unless allowed otherwise; then
/// it replaces the old one in one profile write, keeping the name, labels, description and
/// registration time. When anything fails, the old credential stays as it was.
/// </summary>
public sealed class CredentialRotation
{
    private readonly ClusterRegistry registry;
    private readonly ClusterVerifier verifier;

    public CredentialRotation(ClusterRegistry registry, ClusterVerifier verifier)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(verifier);
        this.registry = registry;
        this.verifier = verifier;
    }

    /// <param name="allowOtherCluster">Accept a credential for a cluster whose UID differs from the registered one (a rebuilt cluster).</param>
    /// <exception cref="KubeFleetException">UpdateKubeClusterCertificateNotFound, an access or kubeconfig error, or a profile error.</exception>
    public RotationPlan Plan(string clusterName, AccessSource source, bool allowOtherCluster)
    {
        ArgumentNullException.ThrowIfNull(clusterName);
        ArgumentNullException.ThrowIfNull(source);
        var cluster = registry.Find(clusterName) ?? throw RegistryErrors.NotFound(RegistryErrorIds.RotateNotFound, clusterName, registry.ProfilePath);
        return new RotationPlan(cluster.Name, PreparedAccess.From(source), allowOtherCluster);
    }

    /// <summary>Verifies the new credential and swaps it in. Never throws for a failed rotation: the outcome says how it ended.</summary>
    public async Task<RegistryOutcome> RotateAsync(RotationPlan plan, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ClusterVerification verification;
        try
        {
            verification = await verifier.VerifyAsync(plan.ClusterName, plan.Access.Access, cancellationToken).ConfigureAwait(false);
        }
        catch (KubeFleetException failure)
        {
            return new RegistryOutcome { ClusterName = plan.ClusterName, Error = failure, Details = [KeptMessage(plan)] };
        }

        var verified = VerifiedFacts.Describe(verification);
        try
        {
            var (cluster, warnings, details) = registry.Update(document => Swap(document, plan, verification));
            if (CertificateExpiry.Warning(cluster.Name, cluster.CertificateNotAfter, registry.Clock.GetUtcNow()) is { } expiry)
            {
                warnings.Add(expiry);
            }

            return new RegistryOutcome { ClusterName = cluster.Name, Cluster = cluster, Warnings = warnings, Details = [verified, .. details] };
        }
        catch (KubeFleetException failure)
        {
            return new RegistryOutcome { ClusterName = plan.ClusterName, Error = failure, Details = [verified, KeptMessage(plan)] };
        }
    }

    private (ClusterRecord Cluster, List<string> Warnings, List<string> Details) Swap(ProfileDocument document, RotationPlan plan, ClusterVerification verification)
    {
        var cluster = document.FindCluster(plan.ClusterName)
            ?? throw RegistryErrors.NotFound(RegistryErrorIds.RotateNotFound, plan.ClusterName, registry.ProfilePath);
        var warnings = new List<string>();
        var details = new List<string>();
        if (cluster.ClusterUid is null)
        {
            details.Add($"Cluster '{cluster.Name}' had no recorded UID (it was registered without verification), so nothing could show the new credential reaches the same cluster; it now records UID {verification.ClusterUid}.");
        }
        else if (!string.Equals(cluster.ClusterUid, verification.ClusterUid, StringComparison.OrdinalIgnoreCase))
        {
            if (!cluster.HasAccess)
            {
                throw RegistryErrors.SharedClusterMismatch(cluster.Name, cluster.ClusterUid, verification.ClusterUid, verification.Server);
            }

            if (!plan.AllowOtherCluster)
            {
                throw RegistryErrors.ClusterMismatch(cluster.Name, cluster.ClusterUid, verification.ClusterUid, verification.Server);
            }

            warnings.Add($"Cluster '{cluster.Name}' now names another cluster: kube-system UID {verification.ClusterUid} instead of {cluster.ClusterUid} (-Force).");
        }

        if (document.Clusters.FirstOrDefault(other => other != cluster && string.Equals(other.ClusterUid, verification.ClusterUid, StringComparison.OrdinalIgnoreCase)) is { } twin)
        {
            warnings.Add($"The new credential of '{cluster.Name}' reaches the cluster also registered as '{twin.Name}' (kube-system UID {verification.ClusterUid}).");
        }

        var previous = $"{cluster.AuthKind ?? "no"} credential{Until(cluster.CertificateNotAfter)}";
        cluster.SetAccess(plan.Access.Access);
        cluster.ContextName = plan.ContextName;
        VerifiedFacts.Record(cluster, verification);
        cluster.UpdatedAt = registry.Clock.GetUtcNow();
        details.Add($"Replaced the {previous} of cluster '{cluster.Name}' with the {cluster.AuthKind} credential{Until(cluster.CertificateNotAfter)} of context '{plan.ContextName}'; its name, labels and description are kept.");
        return (cluster, warnings, details);
    }

    private static string KeptMessage(RotationPlan plan) => $"Cluster '{plan.ClusterName}' keeps its previous credential.";

    private static string Until(DateTimeOffset? notAfter) => notAfter is { } expiry ? $" (valid until {expiry.UtcDateTime:yyyy-MM-dd}Z)" : "";
}
