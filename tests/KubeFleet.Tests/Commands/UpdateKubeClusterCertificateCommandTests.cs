using KubeFleet.Commands;

namespace KubeFleet.Tests.Commands;

/// <summary>Update-KubeClusterCertificate in each parameter set, where the new credential cannot be verified (successful rotations: the stand-in tests).</summary>
public sealed class UpdateKubeClusterCertificateCommandTests : IDisposable
{
    private readonly KubeClusterTestBed bed = new();

    public UpdateKubeClusterCertificateCommandTests() => bed.RegisterUnverified("prod");

    public void Dispose() => bed.Dispose();

    [Fact]
    public void NamePath_set_keeps_the_old_credential_when_the_new_one_cannot_be_verified()
    {
        var before = bed.ProfileText;
        var path = bed.WriteFile("new.kubeconfig", KubeClusterTestBed.TokenKubeConfig(KubeClusterTestBed.RefusingServer(), "new-token"));

        var run = bed.Harness<UpdateKubeClusterCertificateCommand>().With("Name", "prod").With("KubeConfigPath", path).Invoke();

        Assert.Equal("NamePath", run.ParameterSetName);
        Assert.Equal("ClusterConnectionRefused", Assert.Single(run.Errors).ErrorId);
        Assert.Contains("Cluster 'prod' keeps its previous credential.", run.Verbose);
        Assert.Equal(before, bed.ProfileText);
    }

    [Fact]
    public void NameText_set_takes_the_kubeconfig_as_text()
    {
        var run = bed.Harness<UpdateKubeClusterCertificateCommand>().With("Name", "prod")
            .With("KubeConfig", KubeClusterTestBed.TokenKubeConfig(KubeClusterTestBed.RefusingServer())).Invoke();

        Assert.Equal("NameText", run.ParameterSetName);
        Assert.Single(run.Errors);
    }

    [Theory]
    [InlineData("InputObjectPath")]
    [InlineData("InputObjectText")]
    public void InputObject_sets_take_the_cluster_from_Get_KubeCluster(string parameterSet)
    {
        var cluster = bed.Harness<GetKubeClusterCommand>().With("Name", "prod").Invoke().Output.Single();
        var kubeConfig = KubeClusterTestBed.ExecKubeConfig("https://10.9.8.7:6443");
        var harness = bed.Harness<UpdateKubeClusterCertificateCommand>().With("InputObject", cluster).WithWhatIf();
        harness = parameterSet == "InputObjectPath" ? harness.With("KubeConfigPath", bed.WriteFile("eks.kubeconfig", kubeConfig)) : harness.With("KubeConfig", kubeConfig);

        var run = harness.Invoke();

        Assert.Equal(parameterSet, run.ParameterSetName);
        Assert.Equal(
            "What if: Performing the operation \"Replace the credential with the one of context 'ctx' (Exec, server https://10.9.8.7:6443/); its exec plugin runs: aws eks get-token --cluster-name prod\" on target \"prod\".",
            Assert.Single(run.ShouldProcessCalls).WhatIfMessage);
    }

    [Fact]
    public void A_cluster_that_is_not_registered_is_an_error()
    {
        var run = bed.Harness<UpdateKubeClusterCertificateCommand>().With("Name", "staging").With("KubeConfig", KubeClusterTestBed.TokenKubeConfig("https://10.9.8.7:6443")).Invoke();

        Assert.Equal("UpdateKubeClusterCertificateNotFound", Assert.Single(run.Errors).ErrorId);
    }
}
