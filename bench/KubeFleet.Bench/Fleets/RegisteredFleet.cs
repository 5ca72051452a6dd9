using KubeFleet.Engine.Profile;
using KubeFleet.Engine.Registry;
using KubeFleet.Engine.Search;

namespace KubeFleet.Bench.Fleets;

/// <summary>
/// A fleet registered the way a user registers it (Register-KubeCluster: plan, then seal into the
/// profile) in a temporary profile of its own, deleted on dispose. Registration skips verification
/// (-SkipVerification): the search is what is measured, and a cluster a scenario makes hang must
/// hang the search, not the registration before it.
/// </summary>
internal sealed class RegisteredFleet : IDisposable
{
    private readonly ScratchFolder _folder;

    private RegisteredFleet(ScratchFolder folder, RegistrySession session)
    {
        _folder = folder;
        Session = session;
    }

    public RegistrySession Session { get; }

    /// <param name="disableCompression">Register from kubeconfigs that set <c>disable-compression: true</c>.</param>
    /// <exception cref="Engine.Errors.KubeFleetException">A kubeconfig of the fleet cannot be read or registered.</exception>
    public static async Task<RegisteredFleet> RegisterAsync(FleetManifest fleet, bool disableCompression, CancellationToken cancellationToken)
    {
        var folder = new ScratchFolder("profile");
        var session = RegistrySession.Open(folder.PathOf(ProfileLocation.FileName), BenchProfileEnvironment.Instance);
        try
        {
            var registrar = session.Registrar;
            var plans = fleet.Clusters
                .Select(cluster => registrar.Plan(
                    cluster.Name,
                    new AccessSource { KubeConfig = KubeconfigVariants.Load(cluster.AdminKubeconfig, disableCompression) },
                    new RegistrationOptions { SkipVerification = true }))
                .ToList();
            foreach (var outcome in await registrar.RegisterAsync(plans, cancellationToken))
            {
                if (outcome.Error is { } error)
                {
                    throw BenchErrors.Fleet(
                        $"Registering cluster '{outcome.ClusterName}' of the fleet in {fleet.Folder} failed: {error.Message}",
                        outcome.ClusterName,
                        error);
                }
            }

            return new RegisteredFleet(folder, session);
        }
        catch
        {
            session.Dispose();
            folder.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The registered clusters as a search takes them, read from the profile and unsealed as
    /// Search-KubeResource reads them; <paramref name="names"/> limits them (all when empty).
    /// </summary>
    public IReadOnlyList<SearchTarget> Targets(IReadOnlyCollection<string> names)
    {
        var filter = names.Count == 0 ? ClusterFilter.All : ClusterFilter.Exactly(names);
        return Session.Registry.Select(filter, RegistryErrorIds.GetNotFound).Clusters
            .Select(cluster => new SearchTarget(cluster.Name, cluster.GetAccess()!))
            .ToList();
    }

    public void Dispose()
    {
        Session.Dispose();
        _folder.Dispose();
    }
}
