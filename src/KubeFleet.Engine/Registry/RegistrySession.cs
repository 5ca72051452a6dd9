using KubeFleet.Engine.Connections;
using KubeFleet.Engine.Profile;
using KubeFleet.Engine.Registry.Verification;

namespace KubeFleet.Engine.Registry;

/// <summary>
/// The registry's services for one command, over one profile: the profile's clusters, registering,
/// rotating and health checks, sharing one set of cluster connections (and cached exec credentials)
/// that closes with the session.
/// </summary>
public sealed class RegistrySession : IDisposable
{
    private readonly ClusterConnectionPool connections;

    private RegistrySession(ClusterRegistry registry, ClusterConnectionPool connections)
    {
        this.connections = connections;
        Registry = registry;
        var verifier = new ClusterVerifier(connections);
        Registrar = new ClusterRegistrar(registry, verifier);
        Rotation = new CredentialRotation(registry, verifier);
        HealthCheck = new FleetHealthCheck(verifier);
    }

    public ClusterRegistry Registry { get; }

    public ClusterRegistrar Registrar { get; }

    public CredentialRotation Rotation { get; }

    public FleetHealthCheck HealthCheck { get; }

    /// <param name="profilePath">An explicit profile path (already resolved), or null for KUBEFLEET_PROFILE or the default.</param>
    /// <exception cref="Errors.KubeFleetException">ProfilePathInvalid, ProfilePathUnavailable.</exception>
    public static RegistrySession Open(string? profilePath, IProfileEnvironment environment, ClusterConnectionOptions? connectionOptions = null, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var store = new ProfileStore(ProfileLocation.Resolve(profilePath, environment), environment);
        return new RegistrySession(new ClusterRegistry(store, clock), new ClusterConnectionPool(connectionOptions));
    }

    public void Dispose() => connections.Dispose();
}
