using KubeFleet.Engine.Errors;
using KubeFleet.Engine.Profile;
using KubeFleet.Engine.Search;

namespace KubeFleet.Engine.Insight;

/// <summary>The selected clusters with their access opened, and for each that cannot be reached the reason.</summary>
public sealed record FleetTargets(IReadOnlyList<SearchTarget> Targets, IReadOnlyList<KubeFleetException> Errors)
{
    public const string NoCredentialErrorId = "KubeClusterNoCredential";

    /// <summary>Opens each cluster's sealed access; a cluster without one, or whose access cannot be opened, becomes an error.</summary>
    public static FleetTargets Open(IEnumerable<ClusterRecord> clusters)
    {
        ArgumentNullException.ThrowIfNull(clusters);
        var targets = new List<SearchTarget>();
        var errors = new List<KubeFleetException>();
        foreach (var cluster in clusters)
        {
            try
            {
                if (cluster.GetAccess() is { } access)
                    targets.Add(new SearchTarget(cluster.Name, access));
                else
                    errors.Add(new KubeFleetException(
                        NoCredentialErrorId,
                        ErrorKind.InvalidOperation,
                        $"Cluster '{cluster.Name}' has no credential in this profile (it came without one, e.g. from a shared workspace), so it cannot be read. Give it a credential of your own with Update-KubeClusterCertificate.",
                        cluster.Name));
            }
            catch (KubeFleetException unopened)
            {
                errors.Add(unopened);
            }
        }
        return new FleetTargets(targets, errors);
    }
}
