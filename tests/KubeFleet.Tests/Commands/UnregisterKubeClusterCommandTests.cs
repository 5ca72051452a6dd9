using KubeFleet.Commands;
using KubeFleet.Tests.Harness;

namespace KubeFleet.Tests.Commands;

public sealed class UnregisterKubeClusterCommandTests : IDisposable
{
    private readonly KubeClusterTestBed bed = new();

    public UnregisterKubeClusterCommandTests() => bed.RegisterUnverified("prod-eu", "prod-us", "dev");

    public void Dispose() => bed.Dispose();

    [Fact]
    public void Removes_a_cluster_by_name_and_its_sealed_credential()
    {
        var run = bed.Harness<UnregisterKubeClusterCommand>().With("Name", "PROD-EU").Invoke();

        Assert.Empty(run.Output);
        Assert.Equal([$"Unregistered cluster 'prod-eu' from the profile {bed.ProfilePath}."], run.Verbose);
        Assert.Equal(["dev", "prod-us"], Remaining());
        Assert.DoesNotContain("prod-eu", bed.ProfileText, StringComparison.Ordinal);
        KubeClusterTestBed.AssertNoSecretIn(run);
    }

    [Fact]
    public void A_wildcard_asks_about_each_cluster_it_matches()
    {
        var run = bed.Harness<UnregisterKubeClusterCommand>().With("Name", "prod-*").WithConfirm(ConfirmAnswer.Yes, ConfirmAnswer.No).Invoke();

        Assert.Equal(["prod-eu", "prod-us"], run.ShouldProcessCalls.Select(call => call.Target));
        Assert.Equal(["dev", "prod-us"], Remaining());
    }

    [Fact]
    public void WhatIf_says_what_would_go_and_removes_nothing()
    {
        var run = bed.Harness<UnregisterKubeClusterCommand>().With("Name", "*").WithWhatIf().Invoke();

        Assert.Equal(3, run.ShouldProcessCalls.Count);
        Assert.Equal("What if: Performing the operation \"Unregister the cluster at https://10.9.8.7:6443/ and delete its sealed credential\" on target \"dev\".", run.ShouldProcessCalls[0].WhatIfMessage);
        Assert.Equal(["dev", "prod-eu", "prod-us"], Remaining());
    }

    [Fact]
    public void A_wildcard_that_matches_nothing_is_not_an_error_but_an_exact_name_is()
    {
        var run = bed.Harness<UnregisterKubeClusterCommand>().With("Name", new[] { "staging-*", "staging" }).Invoke();

        var error = Assert.Single(run.Errors);
        Assert.Equal("UnregisterKubeClusterNotFound", error.ErrorId);
        Assert.Equal("staging", error.Target);
        Assert.Equal(3, Remaining().Length);
    }

    [Fact]
    public void Clusters_from_Get_KubeCluster_are_removed_in_one_write()
    {
        var clusters = bed.Harness<GetKubeClusterCommand>().With("Name", "prod-*").Invoke().OutputOf<KubeCluster>().ToArray();

        var run = bed.Harness<UnregisterKubeClusterCommand>().With("InputObject", clusters).Invoke();

        Assert.Equal("InputObject", run.ParameterSetName);
        Assert.Equal(["dev"], Remaining());
        Assert.Equal(2, run.Verbose.Count);
    }

    private string[] Remaining() =>
        bed.Harness<GetKubeClusterCommand>().Invoke().OutputOf<KubeCluster>().Select(cluster => cluster.Name).ToArray();
}
