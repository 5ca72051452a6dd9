using KubeFleet.Engine.Connections;
using KubeFleet.Engine.Registry;
using KubeFleet.Engine.Tests.KubeConfig;
using KubeFleet.Engine.Tests.Profile;

namespace KubeFleet.Engine.Tests.Registry;

/// <summary>Registering without a cluster to answer: unverified registrations, and verification that fails.</summary>
public sealed class RegistrationTests : IDisposable
{
    private const string Server = "https://10.1.2.3:6443";

    private readonly RegistryTestBed bed = new();

    public void Dispose() => bed.Dispose();

    [Fact]
    public void AnUnverifiedRegistrationRecordsWhatTheKubeconfigTells()
    {
        var options = new RegistrationOptions
        {
            DisplayName = "Production",
            Description = "The shop",
            Labels = new Dictionary<string, string> { ["env"] = "prod" },
        };

        var outcome = bed.RegisterUnverified("prod", RegistryKubeConfigs.ClientCertificate(Server, TestPki.Rsa), options);

        var cluster = bed.Registry.Find("prod")!;
        Assert.Equal("Production", cluster.DisplayName);
        Assert.Equal("The shop", cluster.Description);
        Assert.Equal("prod", cluster.Labels["env"]);
        Assert.Equal(new Uri(Server), cluster.Server);
        Assert.Equal("ClientCertificate", cluster.AuthKind);
        Assert.Equal("alice", cluster.UserName);
        Assert.Equal(TestPki.NotAfter, cluster.CertificateNotAfter);
        Assert.Equal("ctx", cluster.ContextName);
        Assert.Null(cluster.ClusterUid);
        Assert.Null(cluster.ServerVersion);
        Assert.Equal(RegistryTestBed.Start, cluster.RegisteredAt);
        Assert.Equal(TestPki.Rsa.Pkcs8KeyPem, Assert.IsType<ClientCertificateCredential>(cluster.GetAccess()!.Credential).KeyPem);
        Assert.Contains(outcome.Details, detail => detail.Contains("was not verified (-SkipVerification)", StringComparison.Ordinal));
        Assert.Equal($"Registered cluster 'prod' in the profile {bed.Folder.ProfilePath}.", outcome.Details[^1]);
    }

    [Fact]
    public async Task SecretsReachTheProfileOnlySealed()
    {
        bed.RegisterUnverified("token", RegistryKubeConfigs.Token(Server));
        var registrar = bed.Open().Registrar;
        var source = RegistryTestBed.Source(RegistryKubeConfigs.Exec(Server)) with { ExecEnvironment = [new ExecEnvVar("AWS_SECRET_ACCESS_KEY", Canary.EnvValue)] };
        await registrar.RegisterAsync([registrar.Plan("exec", source, new RegistrationOptions { SkipVerification = true })]);

        Canary.AssertAbsent(bed.ProfileText);
        Assert.Equal(Canary.Token, Assert.IsType<TokenCredential>(bed.Registry.Find("token")!.GetAccess()!.Credential).Token);
        Assert.Equal(Canary.EnvValue, Assert.IsType<ExecCredential>(bed.Registry.Find("exec")!.GetAccess()!.Credential).Config.Env.Single().Value);
    }

    [Fact]
    public void ACertificateCloseToExpiryIsWarnedAbout()
    {
        bed.Clock.Advance(TestPki.NotAfter - RegistryTestBed.Start - TimeSpan.FromDays(3));

        var outcome = bed.RegisterUnverified("prod", RegistryKubeConfigs.ClientCertificate(Server, TestPki.Rsa));

        var warning = Assert.Single(outcome.Warnings);
        Assert.Contains("The client certificate of cluster 'prod' expires on 2035-06-07 08:09:10Z, in 3 days", warning);
        Assert.Contains("Update-KubeClusterCertificate", warning);
    }

    [Fact]
    public async Task AClusterThatCannotBeReachedIsNotRegistered()
    {
        var registrar = bed.Open().Registrar;
        var plan = registrar.Plan("prod", RegistryTestBed.Source(RegistryKubeConfigs.Token(RegistryTestBed.RefusingServer())), new RegistrationOptions());

        var outcome = Assert.Single(await registrar.RegisterAsync([plan]));

        Assert.Equal(ConnectionErrorIds.ConnectionRefused, outcome.Error!.ErrorId);
        Assert.Null(outcome.Cluster);
        Assert.Null(bed.Registry.Find("prod"));
        Assert.False(File.Exists(bed.Folder.ProfilePath));
        Canary.AssertAbsent(outcome.Error);
    }

    [Fact]
    public async Task OneFailedRegistrationDoesNotStopTheOthers()
    {
        var registrar = bed.Open().Registrar;
        var reachable = registrar.Plan("later", RegistryTestBed.Source(RegistryKubeConfigs.Token(Server)), new RegistrationOptions { SkipVerification = true });
        var unreachable = registrar.Plan("gone", RegistryTestBed.Source(RegistryKubeConfigs.Token(RegistryTestBed.RefusingServer())), new RegistrationOptions());

        var outcomes = await registrar.RegisterAsync([unreachable, reachable]);

        Assert.Equal(["gone", "later"], outcomes.Select(outcome => outcome.ClusterName));
        Assert.NotNull(outcomes[0].Error);
        Assert.Null(outcomes[1].Error);
        Assert.NotNull(bed.Registry.Find("later"));
    }

    [Fact]
    public async Task ANameTakenWhileVerifyingIsRefusedWhenSaving()
    {
        var registrar = bed.Open().Registrar;
        var plan = registrar.Plan("prod", RegistryTestBed.Source(RegistryKubeConfigs.Token(Server)), new RegistrationOptions { SkipVerification = true });
        bed.RegisterUnverified("Prod", RegistryKubeConfigs.Token("https://elsewhere.example"));

        var outcome = Assert.Single(await registrar.RegisterAsync([plan]));

        Assert.Equal(RegistryErrorIds.NameTaken, outcome.Error!.ErrorId);
        Assert.Equal(new Uri("https://elsewhere.example"), bed.Registry.Find("prod")!.Server);
    }
}
