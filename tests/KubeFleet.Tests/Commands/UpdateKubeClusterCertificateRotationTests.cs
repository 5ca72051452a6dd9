using System.Collections;
using KubeFleet.Commands;
using KubeFleet.StandIn.Hosting.Kubeconfigs;

namespace KubeFleet.Tests.Commands;

/// <summary>Update-KubeClusterCertificate against stand-in clusters: the same cluster rotates, another is refused, a failure keeps the old credential.</summary>
[Collection(KubeClusterStandInCollection.Name)]
public sealed class UpdateKubeClusterCertificateRotationTests : IDisposable
{
    private readonly KubeClusterStandInFleet fleet;
    private readonly KubeClusterTestBed bed = new();
    private readonly KubeCluster registered;

    public UpdateKubeClusterCertificateRotationTests(KubeClusterStandInFleet fleet)
    {
        this.fleet = fleet;
        var register = bed.Harness<RegisterKubeClusterCommand>().With("Name", "prod")
            .With("KubeConfigPath", fleet.Kubeconfig(bed, fleet.One, fleet.One.Users.Viewer, CredentialStyle.Embedded, "viewer.kubeconfig"))
            .With("DisplayName", "Production").With("Description", "The shop").With("Label", new Hashtable { ["env"] = "prod" })
            .WithSwitch("PassThru").Invoke();
        registered = Assert.Single(register.OutputOf<KubeCluster>());
    }

    public void Dispose() => bed.Dispose();

    [Fact]
    public void Rotating_to_a_credential_for_the_same_cluster_swaps_it_and_keeps_everything_else()
    {
        var run = bed.Harness<UpdateKubeClusterCertificateCommand>().With("Name", "PROD")
            .With("KubeConfigPath", fleet.Kubeconfig(bed, fleet.One, fleet.One.Users.Admin, CredentialStyle.Embedded, "admin.kubeconfig")).WithSwitch("PassThru").Invoke();

        Assert.Empty(run.Errors);
        var rotated = Assert.Single(run.OutputOf<KubeCluster>());
        Assert.Equal(("prod", "Production", "The shop", "prod"), (rotated.Name, rotated.DisplayName, rotated.Description, rotated.Labels["env"]));
        Assert.Equal(registered.RegisteredAt, rotated.RegisteredAt);
        Assert.Equal(("ClientCertificate", "admin", fleet.One.Uid), (rotated.AuthKind, rotated.User, rotated.ClusterUid));
        Assert.NotNull(rotated.CertificateNotAfter);
        Assert.True(rotated.UpdatedAt >= registered.UpdatedAt);
        Assert.Contains(run.Verbose, line => line.StartsWith("Replaced the Token credential of cluster 'prod' with the ClientCertificate credential", StringComparison.Ordinal));
        Assert.Equal(KubeClusterStatus.Healthy, Test().Status);
        KubeClusterTestBed.AssertNoSecretIn(run, fleet.One.Users.Viewer.Token!);
    }

    [Fact]
    public void A_credential_for_another_cluster_is_refused_and_the_old_one_keeps_working()
    {
        var before = bed.ProfileText;

        var run = bed.Harness<UpdateKubeClusterCertificateCommand>().With("Name", "prod")
            .With("KubeConfigPath", fleet.Kubeconfig(bed, fleet.Two, fleet.Two.Users.Admin, CredentialStyle.Embedded, "other.kubeconfig")).Invoke();

        var error = Assert.Single(run.Errors);
        Assert.Equal("UpdateKubeClusterCertificateClusterMismatch", error.ErrorId);
        Assert.Contains($"'prod' is registered as UID {fleet.One.Uid}", error.Message);
        Assert.Equal(before, bed.ProfileText);
        Assert.Equal(KubeClusterStatus.Healthy, Test().Status);
    }

    [Fact]
    public void Force_accepts_a_credential_for_another_cluster_and_warns()
    {
        var run = bed.Harness<UpdateKubeClusterCertificateCommand>().With("Name", "prod")
            .With("KubeConfigPath", fleet.Kubeconfig(bed, fleet.Two, fleet.Two.Users.Viewer, CredentialStyle.Embedded, "other.kubeconfig")).WithSwitch("Force").WithSwitch("PassThru").Invoke();

        Assert.Empty(run.Errors);
        Assert.Equal(fleet.Two.Uid, Assert.Single(run.OutputOf<KubeCluster>()).ClusterUid);
        Assert.Contains(run.Warnings, warning => warning.Contains($"now names another cluster: kube-system UID {fleet.Two.Uid}", StringComparison.Ordinal));
        Assert.True(Test().IdentityMatches);
    }

    [Fact]
    public void A_failed_rotation_leaves_the_old_credential_working()
    {
        var before = bed.ProfileText;
        var kubeConfig = new KubeconfigBuilder().Add(fleet.One, fleet.One.Users.Viewer, CredentialStyle.Embedded).ToYaml()
            .Replace(fleet.One.Users.Viewer.Token!, "revoked-long-ago", StringComparison.Ordinal);

        var run = bed.Harness<UpdateKubeClusterCertificateCommand>().With("Name", "prod").With("KubeConfig", kubeConfig).Invoke();

        Assert.Equal("ClusterUnauthorized", Assert.Single(run.Errors).ErrorId);
        Assert.Contains("Cluster 'prod' keeps its previous credential.", run.Verbose);
        Assert.Equal(before, bed.ProfileText);
        Assert.Equal(KubeClusterStatus.Healthy, Test().Status);
    }

    private KubeClusterTestResult Test() =>
        Assert.Single(bed.Harness<TestKubeClusterCommand>().With("Name", "prod").Invoke().OutputOf<KubeClusterTestResult>());
}
