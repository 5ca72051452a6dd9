using System.Management.Automation;
using KubeFleet.Commands;
using KubeFleet.StandIn.Hosting;
using KubeFleet.StandIn.Hosting.Kubeconfigs;
using KubeFleet.Tests.Harness;

namespace KubeFleet.Tests.Commands;

/// <summary>
/// Sharing a workspace between two people's profiles against stand-in clusters: the file holds no
/// credential, the importer's clusters have none until they give their own for the very cluster
/// shared, conflicts are reported, and -Workspace scopes the cmdlets that reach clusters.
/// </summary>
[Collection(KubeClusterStandInCollection.Name)]
public sealed class KubeWorkspaceSharingTests : IDisposable
{
    private readonly KubeClusterStandInFleet fleet;
    private readonly KubeClusterTestBed alice = new();
    private readonly KubeClusterTestBed bob = new();
    private readonly string sharedFile;

    public KubeWorkspaceSharingTests(KubeClusterStandInFleet fleet)
    {
        this.fleet = fleet;
        Register(alice, "one", fleet.One, fleet.One.Users.Admin, "team");
        Register(alice, "two", fleet.Two, fleet.Two.Users.Viewer, "team");
        Register(alice, "three", fleet.Three, fleet.Three.Users.Admin, "lab");
        sharedFile = Path.Combine(alice.Directory, "team.kubefleet.json");
        var export = alice.Harness<ExportKubeWorkspaceCommand>().With("Name", "TEAM").With("Path", sharedFile).Invoke();
        Assert.Null(export.TerminatingError);
    }

    public void Dispose()
    {
        alice.Dispose();
        bob.Dispose();
    }

    [Fact]
    public void The_export_describes_the_clusters_and_holds_no_credential()
    {
        var text = File.ReadAllText(sharedFile);

        Assert.Contains("\"kind\": \"KubeFleetWorkspace\"", text, StringComparison.Ordinal);
        Assert.Contains(fleet.One.Uid, text, StringComparison.Ordinal);
        Assert.Contains(fleet.Two.Server.Authority, text, StringComparison.Ordinal);
        Assert.Contains("BEGIN CERTIFICATE", text, StringComparison.Ordinal);
        Assert.DoesNotContain(fleet.Three.Uid, text, StringComparison.Ordinal);
        Assert.DoesNotContain("PRIVATE KEY", text, StringComparison.Ordinal);
        Assert.DoesNotContain(fleet.Two.Users.Viewer.Token!, text, StringComparison.Ordinal);
        Assert.DoesNotContain(fleet.One.Users.Admin.ClientCertificate!.CertificatePem.Split('\n')[1], text, StringComparison.Ordinal);
        foreach (var canary in KubeClusterTestBed.Canaries)
        {
            Assert.DoesNotContain(canary, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void An_existing_file_is_replaced_only_with_Force()
    {
        var refused = alice.Harness<ExportKubeWorkspaceCommand>().With("Name", "team").With("Path", sharedFile).Invoke();
        var forced = alice.Harness<ExportKubeWorkspaceCommand>().With("Name", "team").With("Path", sharedFile).WithSwitch("Force").WithSwitch("PassThru").Invoke();

        Assert.Equal("ExportKubeWorkspaceFileExists", refused.TerminatingError?.ErrorId);
        Assert.Equal(sharedFile, Assert.IsType<FileInfo>(Assert.Single(forced.Output)).FullName);
    }

    [Fact]
    public void Imported_clusters_have_no_credential_until_their_user_gives_one()
    {
        var import = bob.Harness<ImportKubeWorkspaceCommand>().With("Path", sharedFile).WithSwitch("PassThru").Invoke();

        Assert.Empty(import.Errors);
        Assert.Equal(2, import.Warnings.Count(warning => warning.Contains("Update-KubeClusterCertificate", StringComparison.Ordinal)));
        var imported = import.OutputOf<KubeCluster>();
        Assert.Equal([("one", fleet.One.Uid), ("two", fleet.Two.Uid)], imported.Select(c => (c.Name, c.ClusterUid)));
        Assert.All(imported, cluster =>
        {
            Assert.False(cluster.HasCredential);
            Assert.Equal("NoCredential", cluster.AuthKind);
            Assert.Equal(["team"], cluster.Workspaces);
        });
        var tested = bob.Harness<TestKubeClusterCommand>().Invoke();
        Assert.All(tested.OutputOf<KubeClusterTestResult>(), result => Assert.Equal(KubeClusterStatus.NoCredential, result.Status));
        var search = bob.Harness<SearchKubeResourceCommand>().With("Workspace", "team").With("Kind", "ns").Invoke();
        Assert.Empty(search.Output);
        Assert.Empty(search.Errors);
        Assert.Equal(2, search.Warnings.Count(warning => warning.Contains("has no credential in this profile", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_credential_given_must_reach_the_cluster_that_was_shared_even_with_Force()
    {
        bob.Harness<ImportKubeWorkspaceCommand>().With("Path", sharedFile).Invoke();
        var otherCluster = fleet.Kubeconfig(bob, fleet.Three, fleet.Three.Users.Admin, CredentialStyle.Embedded, "three.kubeconfig");
        var rightCluster = fleet.Kubeconfig(bob, fleet.Two, fleet.Two.Users.Admin, CredentialStyle.Embedded, "two.kubeconfig");

        var wrong = bob.Harness<UpdateKubeClusterCertificateCommand>().With("Name", "two").With("KubeConfigPath", otherCluster).WithSwitch("Force").Invoke();
        var right = bob.Harness<UpdateKubeClusterCertificateCommand>().With("Name", "two").With("KubeConfigPath", rightCluster).WithSwitch("PassThru").Invoke();

        var mismatch = Assert.Single(wrong.Errors);
        Assert.Equal("UpdateKubeClusterCertificateClusterMismatch", mismatch.ErrorId);
        Assert.Contains("-Force does not apply to a shared cluster", mismatch.Message, StringComparison.Ordinal);
        var two = Assert.Single(right.OutputOf<KubeCluster>());
        Assert.True(two.HasCredential);
        Assert.Equal(("ClientCertificate", fleet.Two.Uid), (two.AuthKind, two.ClusterUid));
        var search = bob.Harness<SearchKubeResourceCommand>().With("Workspace", "team").With("Kind", "ns").Invoke();
        Assert.NotEmpty(search.Output);
        Assert.All(search.OutputOf<KubeResource>(), ns => Assert.Equal("two", ns.Cluster));
        Assert.Single(search.Warnings, warning => warning.Contains("'one' has no credential", StringComparison.Ordinal));
    }

    [Fact]
    public void Conflicts_are_reported_and_the_rest_is_imported()
    {
        Register(bob, "one", fleet.Three, fleet.Three.Users.Admin);
        Register(bob, "mine", fleet.Two, fleet.Two.Users.Admin);

        var import = bob.Harness<ImportKubeWorkspaceCommand>().With("Path", sharedFile).Invoke();

        Assert.Equal(
            [("ImportKubeWorkspaceNameConflict", "one"), ("ImportKubeWorkspaceClusterConflict", "two")],
            import.Errors.Select(error => (error.ErrorId, (string)error.Target!)));
        Assert.All(import.Errors, error => Assert.Equal(ErrorCategory.ResourceExists, error.Category));
        var clusters = bob.Harness<GetKubeClusterCommand>().Invoke().OutputOf<KubeCluster>();
        Assert.Equal([("mine", fleet.Two.Uid), ("one", fleet.Three.Uid)], clusters.Select(c => (c.Name, c.ClusterUid)));
        Assert.All(clusters, cluster => Assert.Empty(cluster.Workspaces));
    }

    [Fact]
    public void Importing_a_cluster_one_already_has_puts_it_in_the_workspace()
    {
        Register(bob, "one", fleet.One, fleet.One.Users.Viewer);

        var import = bob.Harness<ImportKubeWorkspaceCommand>().With("Path", sharedFile).Invoke();

        Assert.Empty(import.Errors);
        var one = bob.Harness<GetKubeClusterCommand>().With("Name", "one").Invoke().OutputOf<KubeCluster>().Single();
        Assert.True(one.HasCredential);
        Assert.Equal(["team"], one.Workspaces);
    }

    [Fact]
    public void WhatIf_imports_nothing()
    {
        var run = bob.Harness<ImportKubeWorkspaceCommand>().With("Path", sharedFile).WithWhatIf().Invoke();

        Assert.Equal(["one", "two"], run.ShouldProcessCalls.Select(call => call.Target));
        Assert.Empty(bob.Harness<GetKubeClusterCommand>().Invoke().Output);
    }

    [Theory]
    [InlineData("{ not json", "it is not valid JSON")]
    [InlineData("""{ "kind": "Config", "schemaVersion": 1 }""", "it has no \"kind\": \"KubeFleetWorkspace\"")]
    [InlineData("""{ "kind": "KubeFleetWorkspace", "schemaVersion": 9, "name": "x", "clusters": [] }""", "written by a newer KubeFleet")]
    [InlineData("""{ "kind": "KubeFleetWorkspace", "schemaVersion": 1, "name": "x", "clusters": [ { "name": "a" } ] }""", "cluster 'a' has no https:// or http:// server")]
    public void A_file_that_is_not_a_workspace_is_refused_and_nothing_is_imported(string content, string problem)
    {
        var path = bob.WriteFile("shared.json", content);

        var run = bob.Harness<ImportKubeWorkspaceCommand>().With("Path", path).Invoke();

        Assert.Equal("ImportKubeWorkspaceFileInvalid", run.TerminatingError?.ErrorId);
        Assert.Equal(ErrorCategory.InvalidData, run.TerminatingError!.Category);
        Assert.Contains(problem, run.TerminatingError.Message, StringComparison.Ordinal);
        Assert.Empty(bob.Harness<GetKubeClusterCommand>().Invoke().Output);
    }

    [Fact]
    public void Workspace_scopes_search_summaries_and_audits()
    {
        var search = alice.Harness<SearchKubeResourceCommand>().With("Workspace", "team").With("Kind", "nodes").Invoke();
        var summaries = alice.Harness<GetKubeClusterSummaryCommand>().With("Workspace", "lab").Invoke();
        var audit = alice.Harness<TestKubeResourceCommand>().With("Workspace", "lab").With("Namespace", "kube-system").Invoke();

        Assert.Equal(new HashSet<string> { "one", "two" }, search.OutputOf<KubeResource>().Select(node => node.Cluster).ToHashSet());
        Assert.Equal(["three"], summaries.OutputOf<KubeClusterSummary>().Select(summary => summary.Name));
        Assert.NotEmpty(audit.Output);
        Assert.All(audit.OutputOf<KubeAuditResult>(), result => Assert.Equal("three", result.Cluster));
    }

    private void Register(KubeClusterTestBed bed, string name, StandInCluster cluster, StandIn.Security.StandInUser user, string? workspace = null)
    {
        var run = bed.Harness<RegisterKubeClusterCommand>().With("Name", name)
            .With("KubeConfigPath", fleet.Kubeconfig(bed, cluster, user, CredentialStyle.Embedded, $"{name}.kubeconfig")).Invoke();
        Assert.Empty(run.Errors);
        if (workspace is not null)
        {
            bed.Harness<SetKubeClusterCommand>().With("Name", name).With("AddWorkspace", new[] { workspace }).Invoke();
        }
    }
}
