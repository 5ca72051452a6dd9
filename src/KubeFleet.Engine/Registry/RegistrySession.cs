using KubeFleet.Engine.Connections;
using KubeFleet.Engine.Profile;
using KubeFleet.Engine.Registry.Verification;

namespace KubeFleet.Engine.Registry;

/// <summary>
/// The registry's services for one command, over one profile: the profile's clusters, registering,
/// rotating and health checks. The services that reach clusters share one set of connections (and
/// cached exec credentials), made when first needed and closed with the session, so a command that
/// only reads the profile never prepares any.
/// </summary>
public sealed class RegistrySession : IDisposable
{
    private readonly ClusterConnectionOptions? connectionOptions;
    private ClusterConnectionPool? connections;
    private ClusterVerifier? verifier;
    private ClusterRegistrar? registrar;
    private CredentialRotation? rotation;
    private FleetHealthCheck? healthCheck;

    private RegistrySession(ClusterRegistry registry, ClusterConnectionOptions? connectionOptions)
    {
        Registry = registry;
        this.connectionOptions = connectionOptions;
    }

    public ClusterRegistry Registry { get; }

    public ClusterRegistrar Registrar => registrar ??= new(Registry, Verifier);

    public CredentialRotation Rotation => rotation ??= new(Registry, Verifier);

    public FleetHealthCheck HealthCheck => healthCheck ??= new(Verifier);

    private ClusterVerifier Verifier => verifier ??= new ClusterVerifier(connections = new ClusterConnectionPool(connectionOptions));

    /// <param name="profilePath">An explicit profile path (already resolved), or null for KUBEFLEET_PROFILE or the default.</param>
    /// <exception cref="Errors.KubeFleetException">ProfilePathInvalid, ProfilePathUnavailable.</exception>
    public static RegistrySession Open(string? profilePath, IProfileEnvironment environment, ClusterConnectionOptions? connectionOptions = null, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var store = new ProfileStore(ProfileLocation.Resolve(profilePath, environment), environment);
        return new RegistrySession(new ClusterRegistry(store, clock), connectionOptions);
    }

    public void Dispose() => connections?.Dispose();
}
