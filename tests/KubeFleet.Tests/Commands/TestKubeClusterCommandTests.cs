using KubeFleet.Commands;

namespace KubeFleet.Tests.Commands;

/// <summary>Test-KubeCluster against clusters that cannot answer (healthy and failing clusters that answer: the stand-in tests).</summary>
public sealed class TestKubeClusterCommandTests : IDisposable
{
    private readonly KubeClusterTestBed bed = new();

    public void Dispose() => bed.Dispose();

    [Fact]
    public void Every_cluster_gets_one_result_with_progress_to_the_end()
    {
        RegisterRefusing("gone-1", "gone-2");

        var run = bed.Harness<TestKubeClusterCommand>().Invoke();

        var results = run.OutputOf<KubeClusterTestResult>();
        Assert.Equal(["gone-1", "gone-2"], results.Select(result => result.Name).Order());
        Assert.All(results, result =>
        {
            Assert.Equal(KubeClusterStatus.Unreachable, result.Status);
            Assert.Equal("ClusterConnectionRefused", result.ErrorId);
            Assert.Null(result.Latency);
        });
        Assert.Equal([0, 50, 100, 100], run.Progress.Select(progress => progress.PercentComplete));
        Assert.True(run.Progress[^1].Completed);
        KubeClusterTestBed.AssertNoSecretIn(run);
    }

    [Fact]
    public void Names_take_wildcards_and_come_from_the_pipeline()
    {
        RegisterRefusing("gone-1", "gone-2", "other");

        var byName = bed.Harness<TestKubeClusterCommand>().With("Name", "gone-*").Invoke();
        var piped = bed.Harness<TestKubeClusterCommand>().WithPipelineInput(bed.Harness<GetKubeClusterCommand>().With("Name", "other").Invoke().Output.ToArray()).Invoke();

        Assert.Equal(["gone-1", "gone-2"], byName.OutputOf<KubeClusterTestResult>().Select(result => result.Name).Order());
        Assert.Equal(["other"], piped.OutputOf<KubeClusterTestResult>().Select(result => result.Name));
    }

    [Fact]
    public void A_missing_exact_name_is_an_error()
    {
        var run = bed.Harness<TestKubeClusterCommand>().With("Name", "staging").Invoke();

        Assert.Equal("TestKubeClusterNotFound", Assert.Single(run.Errors).ErrorId);
        Assert.Empty(run.Output);
    }

    [Fact]
    public void A_cluster_whose_credential_cannot_be_opened_is_an_error_naming_the_key()
    {
        RegisterRefusing("prod");

        var run = bed.Harness<TestKubeClusterCommand>().WithEnvironmentVariable("KUBEFLEET_PROFILE_KEY", Convert.ToBase64String(new byte[32])).Invoke();

        Assert.Equal("ProfileKeyMismatch", Assert.Single(run.Errors).ErrorId);
    }

    [Fact]
    public void TimeoutSec_must_be_at_least_one_second()
    {
        Assert.Throws<Harness.HarnessBindingException>(() => bed.Harness<TestKubeClusterCommand>().With("TimeoutSec", 0).Invoke());
    }

    private void RegisterRefusing(params string[] names)
    {
        foreach (var name in names)
        {
            var run = bed.Harness<RegisterKubeClusterCommand>().With("Name", name)
                .With("KubeConfig", KubeClusterTestBed.TokenKubeConfig(KubeClusterTestBed.RefusingServer())).WithSwitch("SkipVerification").Invoke();
            Assert.Empty(run.Errors);
        }
    }
}
