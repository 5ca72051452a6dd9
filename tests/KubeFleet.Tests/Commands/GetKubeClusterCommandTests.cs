using System.Collections;
using System.Management.Automation;
using KubeFleet.Commands;

namespace KubeFleet.Tests.Commands;

public sealed class GetKubeClusterCommandTests : IDisposable
{
    private readonly KubeClusterTestBed bed = new();

    public GetKubeClusterCommandTests()
    {
        bed.RegisterUnverified("prod-eu", "prod-us", "dev");
        bed.Harness<SetKubeClusterCommand>().With("Name", "prod-*").With("Label", new Hashtable { ["env"] = "prod" }).Invoke();
    }

    public void Dispose() => bed.Dispose();

    [Fact]
    public void Without_parameters_every_cluster_is_listed_by_name()
    {
        var run = bed.Harness<GetKubeClusterCommand>().Invoke();

        Assert.Equal(["dev", "prod-eu", "prod-us"], run.OutputOf<KubeCluster>().Select(cluster => cluster.Name));
        Assert.Empty(run.Errors);
    }

    [Fact]
    public void A_cluster_shows_what_it_is_and_no_secret()
    {
        var run = bed.Harness<GetKubeClusterCommand>().With("Name", "prod-eu").Invoke();

        var cluster = Assert.Single(run.OutputOf<KubeCluster>());
        Assert.Equal("prod-eu", cluster.Name);
        Assert.Equal("https://10.9.8.7:6443", cluster.Server);
        Assert.Equal("Token", cluster.AuthKind);
        Assert.Equal("ctx", cluster.ContextName);
        Assert.Equal(new Dictionary<string, string> { ["env"] = "prod" }, cluster.Labels);
        Assert.True(cluster.HasCredential);
        Assert.True(cluster.UpdatedAt >= cluster.RegisteredAt);
        Assert.Equal("prod-eu", cluster.ToString());
        KubeClusterTestBed.AssertNoSecretIn(run);
    }

    [Fact]
    public void Names_take_wildcards_and_a_missing_exact_name_is_an_error_that_does_not_stop_the_others()
    {
        var run = bed.Harness<GetKubeClusterCommand>().With("Name", new[] { "PROD-*", "staging", "test-*" }).Invoke();

        Assert.Equal(["prod-eu", "prod-us"], run.OutputOf<KubeCluster>().Select(cluster => cluster.Name));
        var error = Assert.Single(run.Errors);
        Assert.Equal("GetKubeClusterNotFound", error.ErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.Category);
        Assert.Equal("staging", error.Target);
    }

    [Fact]
    public void Label_selects_clusters_whose_labels_match()
    {
        var run = bed.Harness<GetKubeClusterCommand>().With("Label", new Hashtable { ["env"] = "pro*" }).Invoke();

        Assert.Equal(["prod-eu", "prod-us"], run.OutputOf<KubeCluster>().Select(cluster => cluster.Name));
    }

    [Fact]
    public void Names_come_from_the_pipeline()
    {
        var run = bed.Harness<GetKubeClusterCommand>().WithPipelineInput("dev", "prod-us").Invoke();

        Assert.Equal(["dev", "prod-us"], run.OutputOf<KubeCluster>().Select(cluster => cluster.Name));
    }

    [Fact]
    public void The_profile_can_come_from_KUBEFLEET_PROFILE()
    {
        var run = new Harness.CmdletHarness<GetKubeClusterCommand>().InDirectory(bed.Directory)
            .WithEnvironmentVariable("KUBEFLEET_PROFILE", "profile.json").Invoke();

        Assert.Equal(3, run.Output.Count);
    }

    [Fact]
    public void A_corrupt_profile_ends_the_command_with_the_profiles_id()
    {
        File.WriteAllText(bed.ProfilePath, "{ not json");

        var run = bed.Harness<GetKubeClusterCommand>().Invoke();

        Assert.Equal("ProfileCorrupt", run.TerminatingError?.ErrorId);
    }
}
