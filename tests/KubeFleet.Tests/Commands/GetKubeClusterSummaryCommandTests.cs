using System.Reflection;
using System.Xml.Linq;
using KubeFleet.Commands;
using KubeFleet.StandIn.Hosting;
using KubeFleet.StandIn.Hosting.Kubeconfigs;
using KubeFleet.StandIn.Security;
using KubeFleet.Tests.Harness;

namespace KubeFleet.Tests.Commands;

/// <summary>Get-KubeClusterSummary over registered stand-in clusters, a dead one among them.</summary>
[Collection(KubeClusterStandInCollection.Name)]
public sealed class GetKubeClusterSummaryCommandTests(KubeClusterStandInFleet fleet) : IDisposable
{
    private readonly KubeClusterTestBed bed = new();

    public void Dispose() => bed.Dispose();

    [Fact]
    public void Every_registered_cluster_gets_a_summary_with_progress_to_the_end()
    {
        Register("one", fleet.One);
        Register("two", fleet.Two);

        var run = bed.Harness<GetKubeClusterSummaryCommand>().Invoke();

        Assert.Empty(run.Errors);
        Assert.Empty(run.Warnings);
        var summaries = run.OutputOf<KubeClusterSummary>().OrderBy(summary => summary.Name).ToList();
        Assert.Equal(["one", "two"], summaries.Select(summary => summary.Name));
        Assert.Equal(
            [(fleet.One.Version, fleet.One.Data.ReadObjects("", "pods").Count), (fleet.Two.Version, fleet.Two.Data.ReadObjects("", "pods").Count)],
            summaries.Select(summary => (summary.Version, summary.Pods ?? -1)));
        Assert.All(summaries, summary =>
        {
            Assert.InRange(summary.NodesReady!.Value, 1, summary.Nodes!.Value);
            Assert.True(summary.CpuAllocatable <= summary.CpuCapacity);
            Assert.Equal(summary.Pods, summary.PodsByPhase!.Values.Sum());
            Assert.Equal(summary.Pods, (int)summary.ObjectCounts["Pod"]);
            Assert.Equal(new[] { summary.ServerCertificateNotAfter!.Value, summary.ClientCertificateNotAfter!.Value }.Min(), summary.CertificateNotAfter);
        });
        Assert.Equal([0, 50, 100, 100], run.Progress.Select(progress => progress.PercentComplete));
        Assert.True(run.Progress[^1].Completed);
        KubeClusterTestBed.AssertNoSecretIn(run, fleet.One.Users.Admin.ClientCertificate!.PrivateKeyPem);
    }

    [Fact]
    public void A_cluster_that_cannot_be_reached_is_an_error_and_the_others_are_summarized()
    {
        Register("one", fleet.One);
        var refused = bed.WriteFile("refused.kubeconfig", KubeClusterTestBed.TokenKubeConfig(KubeClusterTestBed.RefusingServer()));
        Assert.Empty(bed.Harness<RegisterKubeClusterCommand>().With("Name", "gone").With("KubeConfigPath", refused).WithSwitch("SkipVerification").Invoke().Errors);

        var run = bed.Harness<GetKubeClusterSummaryCommand>().Invoke();

        Assert.Equal(["one"], run.OutputOf<KubeClusterSummary>().Select(summary => summary.Name));
        var error = Assert.Single(run.Errors);
        Assert.Equal(("ClusterConnectionRefused", (object?)"gone"), (error.ErrorId, error.Target));
        KubeClusterTestBed.AssertNoSecretIn(run);
    }

    [Fact]
    public void Names_take_wildcards_come_from_Get_KubeCluster_and_a_missing_exact_name_is_an_error()
    {
        Register("prod-one", fleet.One);
        Register("prod-two", fleet.Two);
        Register("lab", fleet.Three);

        var byPattern = bed.Harness<GetKubeClusterSummaryCommand>().With("Cluster", new[] { "prod-*", "staging" }).Invoke();
        var piped = bed.Harness<GetKubeClusterSummaryCommand>().WithPipelineInput(bed.Harness<GetKubeClusterCommand>().With("Name", "lab").Invoke().Output.ToArray()).Invoke();

        Assert.Equal(["prod-one", "prod-two"], byPattern.OutputOf<KubeClusterSummary>().Select(summary => summary.Name).Order());
        Assert.Equal(GetKubeClusterSummaryCommand.NotFoundErrorId, Assert.Single(byPattern.Errors).ErrorId);
        Assert.Equal(["lab"], piped.OutputOf<KubeClusterSummary>().Select(summary => summary.Name));
    }

    [Fact]
    public void What_the_credential_may_not_list_is_a_warning_and_its_figures_are_missing()
    {
        Register("one", fleet.One, fleet.One.Users.Viewer);

        var run = bed.Harness<GetKubeClusterSummaryCommand>().With("Kind", new[] { "secrets", "configmaps" }).Invoke();

        var summary = Assert.Single(run.OutputOf<KubeClusterSummary>());
        Assert.Equal(["ConfigMap", "Namespace", "Node", "Pod"], summary.ObjectCounts.Keys);
        Assert.Contains(run.Warnings, warning => warning.Contains("lacks secrets", StringComparison.Ordinal));
        Assert.Null(summary.ClientCertificateNotAfter);
        KubeClusterTestBed.AssertNoSecretIn(run, fleet.One.Users.Viewer.Token!);
    }

    [Fact]
    public void The_table_view_shows_only_properties_the_summary_has()
    {
        AssertViewFits(typeof(KubeClusterSummary));
    }

    /// <summary>The type's table view exists and every PropertyName and $_.Property it uses is a property of the type.</summary>
    internal static void AssertViewFits(Type outputType)
    {
        var format = XDocument.Load(Path.Combine(RepositoryPaths.Root, "src", "KubeFleet", "KubeFleet.format.ps1xml"));
        var view = Assert.Single(format.Descendants("View"), view => view.Element("ViewSelectedBy")!.Element("TypeName")!.Value == outputType.FullName);
        var properties = outputType.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(property => property.Name).ToHashSet();
        var used = view.Descendants("PropertyName").Select(name => name.Value)
            .Concat(view.Descendants("ScriptBlock").SelectMany(script => System.Text.RegularExpressions.Regex.Matches(script.Value, @"\$_\.(\w+)").Select(match => match.Groups[1].Value)))
            .ToList();
        Assert.NotEmpty(used);
        Assert.All(used, name => Assert.Contains(name, properties));
        Assert.Equal(
            view.Descendants("TableColumnHeader").Count(),
            view.Descendants("TableColumnItem").Count());
    }

    private void Register(string name, StandInCluster cluster, StandInUser? user = null)
    {
        var path = fleet.Kubeconfig(bed, cluster, user ?? cluster.Users.Admin, CredentialStyle.Embedded, $"{name}.kubeconfig");
        var run = bed.Harness<RegisterKubeClusterCommand>().With("Name", name).With("KubeConfigPath", path).Invoke();
        Assert.Empty(run.Errors);
    }
}
