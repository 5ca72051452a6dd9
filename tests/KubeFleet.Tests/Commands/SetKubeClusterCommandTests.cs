using System.Collections;
using KubeFleet.Commands;
using KubeFleet.Tests.Harness;

namespace KubeFleet.Tests.Commands;

public sealed class SetKubeClusterCommandTests : IDisposable
{
    private readonly KubeClusterTestBed bed = new();

    public SetKubeClusterCommandTests()
    {
        bed.RegisterUnverified("prod", "dev");
        bed.Harness<SetKubeClusterCommand>().With("Name", "prod").With("DisplayName", "Production").With("Description", "The shop")
            .With("Label", new Hashtable { ["env"] = "prod" }).Invoke();
    }

    public void Dispose() => bed.Dispose();

    [Fact]
    public void A_parameter_left_out_keeps_its_value()
    {
        var run = bed.Harness<SetKubeClusterCommand>().With("Name", "prod").With("Description", "The shop, EU").WithSwitch("PassThru").Invoke();

        var cluster = Assert.Single(run.OutputOf<KubeCluster>());
        Assert.Equal("Production", cluster.DisplayName);
        Assert.Equal("The shop, EU", cluster.Description);
        Assert.Equal("prod", cluster.Labels["env"]);
        Assert.Equal(["Cluster 'prod': set its description to 'The shop, EU'."], run.Verbose);
        KubeClusterTestBed.AssertNoSecretIn(run);
    }

    [Fact]
    public void A_parameter_given_empty_clears_its_value()
    {
        var run = bed.Harness<SetKubeClusterCommand>().With("Name", "prod").With("DisplayName", "").With("Description", null)
            .With("Label", new Hashtable()).WithSwitch("PassThru").Invoke();

        var cluster = Assert.Single(run.OutputOf<KubeCluster>());
        Assert.Equal("prod", cluster.DisplayName);
        Assert.Null(cluster.Description);
        Assert.Empty(cluster.Labels);
    }

    [Fact]
    public void Without_PassThru_nothing_is_emitted()
    {
        var run = bed.Harness<SetKubeClusterCommand>().With("Name", "prod").With("Description", "x").Invoke();

        Assert.Empty(run.Output);
        Assert.Equal("x", Get("prod").Description);
    }

    [Fact]
    public void InputObject_set_takes_clusters_from_Get_KubeCluster()
    {
        var clusters = bed.Harness<GetKubeClusterCommand>().Invoke().OutputOf<KubeCluster>().ToArray();

        var run = bed.Harness<SetKubeClusterCommand>().With("Label", new Hashtable { ["team"] = "web" }).With("InputObject", clusters).Invoke();

        Assert.Equal("InputObject", run.ParameterSetName);
        Assert.Equal("web", Get("dev").Labels["team"]);
        Assert.Equal("web", Get("prod").Labels["team"]);
    }

    [Fact]
    public void WhatIf_describes_the_change_for_each_cluster_and_makes_none()
    {
        var run = bed.Harness<SetKubeClusterCommand>().With("Name", "*").With("DisplayName", "").WithWhatIf().Invoke();

        Assert.Equal(
            ["What if: Performing the operation \"Clear the display name\" on target \"dev\".", "What if: Performing the operation \"Clear the display name\" on target \"prod\"."],
            run.ShouldProcessCalls.Select(call => call.WhatIfMessage));
        Assert.Equal("Production", Get("prod").DisplayName);
    }

    [Fact]
    public void Confirm_changes_only_the_clusters_confirmed()
    {
        bed.Harness<SetKubeClusterCommand>().With("Name", "*").With("Description", "fleet").WithConfirm(ConfirmAnswer.No, ConfirmAnswer.Yes).Invoke();

        Assert.Null(Get("dev").Description);
        Assert.Equal("fleet", Get("prod").Description);
    }

    [Fact]
    public void A_missing_name_is_an_error()
    {
        var run = bed.Harness<SetKubeClusterCommand>().With("Name", "staging").With("Description", "x").Invoke();

        Assert.Equal("SetKubeClusterNotFound", Assert.Single(run.Errors).ErrorId);
    }

    [Fact]
    public void An_invalid_label_ends_the_command_and_changes_nothing()
    {
        var before = bed.ProfileText;

        var run = bed.Harness<SetKubeClusterCommand>().With("Name", "prod").With("Label", new Hashtable { ["bad key"] = "x" }).Invoke();

        Assert.Equal("KubeClusterLabelInvalid", run.TerminatingError?.ErrorId);
        Assert.Equal(before, bed.ProfileText);
    }

    private KubeCluster Get(string name) =>
        Assert.Single(bed.Harness<GetKubeClusterCommand>().With("Name", name).Invoke().OutputOf<KubeCluster>());
}
