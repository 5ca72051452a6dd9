using System.Management.Automation;
using KubeFleet.Commands;
using KubeFleet.Completers;
using KubeFleet.Engine.Profile;
using KubeFleet.Tests.Harness;

namespace KubeFleet.Tests.Commands;

/// <summary>Workspaces from the profile alone: putting clusters in and out, listing, completing, and -Workspace scoping of the registry cmdlets.</summary>
public sealed class KubeWorkspaceCommandTests : IDisposable
{
    private readonly KubeClusterTestBed bed = new();

    public KubeWorkspaceCommandTests()
    {
        bed.RegisterUnverified("prod-eu", "prod-us", "dev");
        Set("prod-eu", "AddWorkspace", new[] { "payments", "Search" });
        Set("prod-us", "AddWorkspace", new[] { "PAYMENTS" });
        Set("dev", "Workspace", new[] { "lab" });
    }

    public void Dispose() => bed.Dispose();

    [Fact]
    public void Get_KubeWorkspace_lists_each_workspace_once_regardless_of_case_with_its_clusters()
    {
        var run = bed.Harness<GetKubeWorkspaceCommand>().Invoke();

        Assert.Equal(
            [("lab", "dev", 1), ("payments", "prod-eu,prod-us", 2), ("Search", "prod-eu", 1)],
            run.OutputOf<KubeWorkspace>().Select(w => (w.Name, string.Join(",", w.Clusters), w.ClusterCount)));
    }

    [Fact]
    public void Adding_and_removing_keep_the_other_workspaces_and_replacing_sets_them_all()
    {
        Assert.Equal(["payments", "Search"], Workspaces("prod-eu"));

        Set("prod-eu", "RemoveWorkspace", new[] { "SEARCH", "never-joined" });
        Assert.Equal(["payments"], Workspaces("prod-eu"));

        Set("prod-eu", "Workspace", new[] { "edge", "lab" });
        Assert.Equal(["edge", "lab"], Workspaces("prod-eu"));

        var cleared = bed.Harness<SetKubeClusterCommand>().With("Name", "prod-eu").With("Workspace", Array.Empty<string>()).Invoke();
        Assert.Empty(Workspaces("prod-eu"));
        Assert.Contains(cleared.Verbose, line => line.Contains("removed it from 'edge', 'lab'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_workspace_is_gone_once_no_cluster_is_in_it()
    {
        Set("dev", "RemoveWorkspace", new[] { "lab" });

        var run = bed.Harness<GetKubeWorkspaceCommand>().With("Name", "lab").Invoke();

        Assert.Empty(run.Output);
        Assert.Equal("KubeWorkspaceNotFound", Assert.Single(run.Errors).ErrorId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-lab")]
    [InlineData("lab*")]
    [InlineData("two words")]
    public void A_name_that_cannot_be_a_workspace_is_refused_and_nothing_changes(string name)
    {
        var run = bed.Harness<SetKubeClusterCommand>().With("Name", "dev").With("AddWorkspace", new[] { name }).Invoke();

        Assert.Equal("KubeWorkspaceNameInvalid", run.TerminatingError?.ErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, run.TerminatingError!.Category);
        Assert.Equal(["lab"], Workspaces("dev"));
    }

    [Fact]
    public void WhatIf_says_what_would_change_and_changes_nothing()
    {
        var run = bed.Harness<SetKubeClusterCommand>().With("Name", "dev").With("AddWorkspace", new[] { "edge" }).With("RemoveWorkspace", new[] { "lab" }).WithWhatIf().Invoke();

        Assert.Equal("Add it to 'edge', remove it from 'lab'", Assert.Single(run.ShouldProcessCalls).Action);
        Assert.Equal(["lab"], Workspaces("dev"));
    }

    [Theory]
    [InlineData("payments", "prod-eu,prod-us")]
    [InlineData("pay*", "prod-eu,prod-us")]
    [InlineData("lab", "dev")]
    public void Get_KubeCluster_scopes_to_a_workspace(string workspace, string expected)
    {
        var run = bed.Harness<GetKubeClusterCommand>().With("Workspace", workspace).Invoke();

        Assert.Equal(expected, string.Join(",", run.OutputOf<KubeCluster>().Select(c => c.Name)));
    }

    [Fact]
    public void Workspace_and_name_together_select_the_clusters_both_select()
    {
        var run = bed.Harness<GetKubeClusterCommand>().With("Workspace", "payments").With("Name", "*-us").Invoke();

        Assert.Equal(["prod-us"], run.OutputOf<KubeCluster>().Select(c => c.Name));
    }

    [Fact]
    public void A_workspace_no_cluster_is_in_is_an_error()
    {
        var run = bed.Harness<GetKubeClusterCommand>().With("Workspace", "nowhere").Invoke();

        var error = Assert.Single(run.Errors);
        Assert.Equal("KubeWorkspaceNotFound", error.ErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.Category);
        Assert.Contains("Get-KubeWorkspace", error.Message, StringComparison.Ordinal);
        Assert.Empty(run.Output);
    }

    [Fact]
    public void Test_KubeCluster_scopes_to_a_workspace()
    {
        var run = bed.Harness<TestKubeClusterCommand>().With("Workspace", "lab").With("TimeoutSec", 1).Invoke();

        Assert.Equal(["dev"], run.OutputOf<KubeClusterTestResult>().Select(result => result.Name));
    }

    [Fact]
    public void Get_KubeCluster_shows_the_workspaces()
    {
        var cluster = bed.Harness<GetKubeClusterCommand>().With("Name", "prod-eu").Invoke().OutputOf<KubeCluster>().Single();

        Assert.Equal(["payments", "Search"], cluster.Workspaces);
    }

    [Fact]
    public void Completes_workspace_names_by_prefix_with_their_clusters()
    {
        var completions = new WorkspaceNameCompleter().Complete(bed.ProfilePath, SystemProfileEnvironment.Instance, "PA");

        var completion = Assert.Single(completions);
        Assert.Equal("payments", completion.CompletionText);
        Assert.Equal("2 cluster(s): prod-eu, prod-us", completion.ToolTip);
    }

    private void Set(string cluster, string parameter, string[] workspaces)
    {
        var run = bed.Harness<SetKubeClusterCommand>().With("Name", cluster).With(parameter, workspaces).Invoke();
        Assert.Null(run.TerminatingError);
        Assert.Empty(run.Errors);
    }

    private IReadOnlyList<string> Workspaces(string cluster) =>
        bed.Harness<GetKubeClusterCommand>().With("Name", cluster).Invoke().OutputOf<KubeCluster>().Single().Workspaces;
}
