using KubeFleet.Engine.Connections;
using KubeFleet.Engine.Registry;
using KubeFleet.Engine.Tests.Profile;

namespace KubeFleet.Engine.Tests.Registry;

/// <summary>Rotations that fail before the cluster answers: the old credential must stay.</summary>
public sealed class RotationTests : IDisposable
{
    private const string Server = "https://10.1.2.3:6443";

    private readonly RegistryTestBed bed = new();

    public void Dispose() => bed.Dispose();

    [Fact]
    public void RotatingAClusterThatIsNotRegisteredIsRefused()
    {
        var failure = Assert.Throws<Errors.KubeFleetException>(() =>
            bed.Open().Rotation.Plan("prod", RegistryTestBed.Source(RegistryKubeConfigs.Token(Server)), allowOtherCluster: false));

        Assert.Equal(RegistryErrorIds.RotateNotFound, failure.ErrorId);
    }

    [Fact]
    public async Task AFailedVerificationLeavesTheOldCredentialAndTheFileUntouched()
    {
        bed.RegisterUnverified("prod", RegistryKubeConfigs.Token(Server), new RegistrationOptions { Labels = new Dictionary<string, string> { ["env"] = "prod" } });
        var before = bed.ProfileText;
        var rotation = bed.Open().Rotation;
        var plan = rotation.Plan("PROD", RegistryTestBed.Source(RegistryKubeConfigs.Token(RegistryTestBed.RefusingServer(), "new-token")), allowOtherCluster: false);

        var outcome = await rotation.RotateAsync(plan);

        Assert.Equal(ConnectionErrorIds.ConnectionRefused, outcome.Error!.ErrorId);
        Assert.Equal(["Cluster 'prod' keeps its previous credential."], outcome.Details);
        Assert.Equal(before, bed.ProfileText);
        Assert.Equal(Canary.Token, Assert.IsType<TokenCredential>(bed.Registry.Find("prod")!.GetAccess()!.Credential).Token);
    }

    [Fact]
    public void ThePlanNamesTheClusterAsRegisteredAndWhatWillRun()
    {
        bed.RegisterUnverified("prod", RegistryKubeConfigs.Token(Server));

        var plan = bed.Open().Rotation.Plan("PROD", RegistryTestBed.Source(RegistryKubeConfigs.Exec(Server)), allowOtherCluster: false);

        Assert.Equal("prod", plan.ClusterName);
        Assert.Equal($"Replace the credential with the one of context 'ctx' (Exec, server {Server}/); its exec plugin runs: aws eks get-token --cluster-name prod", plan.Action);
    }
}
