using KubeFleet.Engine.Connections;
using KubeFleet.Engine.Registry;
using KubeFleet.Engine.Registry.Verification;
using KubeFleet.StandIn.Hosting;
using KubeFleet.StandIn.Hosting.Kubeconfigs;

namespace KubeFleet.Engine.Tests.Registry;

/// <summary>The registry against stand-in clusters: what verification records, duplicates, rotation and health.</summary>
public sealed class VerifiedRegistrationTests(RegistryStandInFleet fleet) : IClassFixture<RegistryStandInFleet>, IDisposable
{
    private readonly RegistryTestBed bed = new();

    public void Dispose() => bed.Dispose();

    [Fact]
    public async Task AVerifiedRegistrationRecordsWhatTheClusterSaid()
    {
        var registrar = bed.Open().Registrar;
        var plan = registrar.Plan("one", RegistryStandInFleet.Source((fleet.One, fleet.One.Users.Viewer)), new RegistrationOptions());

        var outcome = Assert.Single(await registrar.RegisterAsync([plan]));

        Assert.Null(outcome.Error);
        var cluster = bed.Registry.Find("one")!;
        Assert.Equal(fleet.One.Uid, cluster.ClusterUid);
        Assert.Equal(fleet.One.Version, cluster.ServerVersion);
        Assert.Equal("viewer", cluster.UserName);
        Assert.Equal("Token", cluster.AuthKind);
        Assert.Equal(new Engine.Profile.ClusterPermissions(CanListAllNamespaces: true, ReadOnly: true), cluster.Permissions);
        Assert.Equal(RegistryTestBed.Start, cluster.RegisteredAt);
        Assert.Contains(outcome.Details, detail => detail.Contains("read-only: yes", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TwoContextsForOneClusterRegisterOnceUnlessDuplicatesAreAllowed()
    {
        var source = RegistryStandInFleet.Source((fleet.One, fleet.One.Users.Viewer), (fleet.One, fleet.One.Users.Admin));
        var registrar = bed.Open().Registrar;
        var plans = source.PerContext().Select(context => registrar.Plan(context.Name, context.Source, new RegistrationOptions())).ToList();

        var outcomes = await registrar.RegisterAsync(plans);

        Assert.Null(outcomes[0].Error);
        Assert.Equal(RegistryErrorIds.DuplicateCluster, outcomes[1].Error!.ErrorId);
        Assert.Contains("already registered as 'viewer-cluster-01'", outcomes[1].Error!.Message);

        var (name, adminSource) = source.PerContext()[1];
        var allowed = registrar.Plan(name, adminSource, new RegistrationOptions { AllowDuplicateCluster = true });
        var forced = Assert.Single(await registrar.RegisterAsync([allowed]));
        Assert.Null(forced.Error);
        Assert.Contains(forced.Warnings, warning => warning.Contains("the same cluster as 'viewer-cluster-01'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RotationToTheSameClusterKeepsTheRegistrationAndRecordsTheNewCredential()
    {
        await RegisterAsync("one", fleet.One, new RegistrationOptions { DisplayName = "One", Labels = new Dictionary<string, string> { ["env"] = "prod" } });
        bed.Clock.Advance(TimeSpan.FromDays(1));
        var rotation = bed.Open().Rotation;

        var outcome = await rotation.RotateAsync(rotation.Plan("one", RegistryStandInFleet.Source((fleet.One, fleet.One.Users.Admin)), allowOtherCluster: false));

        Assert.Null(outcome.Error);
        var cluster = bed.Registry.Find("one")!;
        Assert.Equal(("One", "prod", RegistryTestBed.Start), (cluster.DisplayName, cluster.Labels["env"], cluster.RegisteredAt));
        Assert.Equal(RegistryTestBed.Start.AddDays(1), cluster.UpdatedAt);
        Assert.Equal(("ClientCertificate", "admin"), (cluster.AuthKind, cluster.UserName));
        Assert.IsType<ClientCertificateCredential>(cluster.GetAccess()!.Credential);
        Assert.Equal(new Engine.Profile.ClusterPermissions(CanListAllNamespaces: true, ReadOnly: false), cluster.Permissions);
    }

    [Fact]
    public async Task RotationToAnotherClusterChangesNothingUnlessAllowed()
    {
        await RegisterAsync("one", fleet.One, new RegistrationOptions());
        var before = bed.ProfileText;
        var rotation = bed.Open().Rotation;
        var toTwo = RegistryStandInFleet.Source((fleet.Two, fleet.Two.Users.Viewer));

        var refused = await rotation.RotateAsync(rotation.Plan("one", toTwo, allowOtherCluster: false));

        Assert.Equal(RegistryErrorIds.RotateClusterMismatch, refused.Error!.ErrorId);
        Assert.Equal(before, bed.ProfileText);

        var allowed = await rotation.RotateAsync(rotation.Plan("one", toTwo, allowOtherCluster: true));

        Assert.Null(allowed.Error);
        Assert.Equal(fleet.Two.Uid, bed.Registry.Find("one")!.ClusterUid);
    }

    [Fact]
    public async Task AnUnverifiedRegistrationLearnsItsIdentityAtItsFirstRotation()
    {
        bed.RegisterUnverified("one", new KubeconfigBuilder().Add(fleet.One, fleet.One.Users.Viewer, CredentialStyle.Embedded).ToYaml());
        var rotation = bed.Open().Rotation;

        var outcome = await rotation.RotateAsync(rotation.Plan("one", RegistryStandInFleet.Source((fleet.One, fleet.One.Users.Viewer)), allowOtherCluster: false));

        Assert.Null(outcome.Error);
        Assert.Equal(fleet.One.Uid, bed.Registry.Find("one")!.ClusterUid);
        Assert.Contains(outcome.Details, detail => detail.Contains("had no recorded UID", StringComparison.Ordinal));
    }

    [Fact]
    public async Task HealthChecksTellTheRegisteredClusterFromAnotherAtItsAddress()
    {
        await RegisterAsync("one", fleet.One, new RegistrationOptions());
        await RegisterAsync("moved", fleet.Two, new RegistrationOptions());
        bed.Folder.Store(bed.Environment).Update(document => document.FindCluster("moved")!.ClusterUid = fleet.One.Uid);
        var session = bed.Open();
        var healths = new List<ClusterHealth>();

        await session.HealthCheck.CheckAsync(session.Registry.Select(ClusterFilter.All, RegistryErrorIds.TestNotFound).Clusters, TimeSpan.FromSeconds(10), outcome =>
        {
            lock (healths)
            {
                healths.Add(outcome.Health!);
            }

            return ValueTask.CompletedTask;
        });

        var byName = healths.ToDictionary(health => health.ClusterName);
        Assert.Equal(ClusterHealthStatus.Healthy, byName["one"].Status);
        Assert.True(byName["one"].IdentityMatches);
        Assert.Equal(ClusterHealthStatus.IdentityMismatch, byName["moved"].Status);
        Assert.False(byName["moved"].IdentityMatches);
    }

    private async Task RegisterAsync(string name, StandInCluster cluster, RegistrationOptions options)
    {
        var registrar = bed.Open().Registrar;
        var outcome = Assert.Single(await registrar.RegisterAsync([registrar.Plan(name, RegistryStandInFleet.Source((cluster, cluster.Users.Viewer)), options)]));
        Assert.Null(outcome.Error);
    }
}
