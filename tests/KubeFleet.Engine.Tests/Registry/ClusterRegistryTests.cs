using KubeFleet.Engine.Errors;
using KubeFleet.Engine.Registry;
using KubeFleet.Engine.Tests.Profile;

namespace KubeFleet.Engine.Tests.Registry;

public sealed class ClusterRegistryTests : IDisposable
{
    private readonly RegistryTestBed bed = new();

    public ClusterRegistryTests()
    {
        bed.RegisterUnverified("prod-eu", RegistryKubeConfigs.Token(Canary.Server.OriginalString), new RegistrationOptions { Labels = Labels(("env", "prod"), ("team", "web")) });
        bed.RegisterUnverified("prod-us", RegistryKubeConfigs.Token(Canary.Server.OriginalString), new RegistrationOptions { Labels = Labels(("env", "prod"), ("team", "data")) });
        bed.RegisterUnverified("Dev", RegistryKubeConfigs.Token(Canary.Server.OriginalString), new RegistrationOptions { Labels = Labels(("env", "dev")) });
    }

    public void Dispose() => bed.Dispose();

    [Fact]
    public void WithoutNamesEveryClusterIsSelectedOrderedByName()
    {
        var selection = bed.Registry.Select(ClusterFilter.All, RegistryErrorIds.GetNotFound);

        Assert.Equal(["Dev", "prod-eu", "prod-us"], Names(selection));
        Assert.Empty(selection.Missing);
    }

    [Fact]
    public void NamesAreWildcardsComparedRegardlessOfCase()
    {
        var selection = bed.Registry.Select(ClusterFilter.Create(["PROD-*", "dev"]), RegistryErrorIds.GetNotFound);

        Assert.Equal(["Dev", "prod-eu", "prod-us"], Names(selection));
    }

    [Fact]
    public void AnExactNameThatIsNotRegisteredIsAnErrorWithTheCallersIdAndAWildcardThatMatchesNothingIsNot()
    {
        var selection = bed.Registry.Select(ClusterFilter.Create(["staging", "test-*", "prod-eu"]), RegistryErrorIds.UnregisterNotFound);

        Assert.Equal(["prod-eu"], Names(selection));
        var missing = Assert.Single(selection.Missing);
        Assert.Equal(RegistryErrorIds.UnregisterNotFound, missing.ErrorId);
        Assert.Equal(ErrorKind.ObjectNotFound, missing.Kind);
        Assert.Equal("staging", missing.Target);
        Assert.Contains("There is no cluster named 'staging' in the profile " + bed.Folder.ProfilePath, missing.Message);
    }

    [Fact]
    public void LabelsSelectWithWildcardValuesAndEveryLabelMustMatch()
    {
        var registry = bed.Registry;

        Assert.Equal(["prod-eu", "prod-us"], Names(registry.Select(ClusterFilter.Create(null, Labels(("env", "prod"))), RegistryErrorIds.GetNotFound)));
        Assert.Equal(["prod-eu"], Names(registry.Select(ClusterFilter.Create(null, Labels(("ENV", "PROD"), ("team", "w*"))), RegistryErrorIds.GetNotFound)));
        Assert.Equal(["Dev", "prod-eu", "prod-us"], Names(registry.Select(ClusterFilter.Create(null, Labels(("env", "*"))), RegistryErrorIds.GetNotFound)));
        Assert.Empty(Names(registry.Select(ClusterFilter.Create(null, Labels(("tier", "*"))), RegistryErrorIds.GetNotFound)));
    }

    [Fact]
    public void ANameThatExistsButWhoseLabelsDoNotMatchIsNotMissing()
    {
        var selection = bed.Registry.Select(ClusterFilter.Create(["dev"], Labels(("env", "prod"))), RegistryErrorIds.GetNotFound);

        Assert.Empty(selection.Clusters);
        Assert.Empty(selection.Missing);
    }

    [Fact]
    public void ListingOpensNoSecretSoItWorksWithoutTheProfileKey()
    {
        File.Delete(bed.Folder.KeyFilePath);

        var selection = bed.Registry.Select(ClusterFilter.All, RegistryErrorIds.GetNotFound);

        Assert.Equal(3, selection.Clusters.Count);
        Assert.All(selection.Clusters, cluster => Assert.True(cluster.HasAccess));
    }

    [Fact]
    public void AnEditChangesOnlyWhatItNamesAndMovesUpdatedAt()
    {
        var registry = bed.Registry;
        registry.Edit("prod-eu", new ClusterEdit { DisplayName = "Production EU", Description = "Shop" });
        bed.Clock.Advance(TimeSpan.FromHours(1));

        var result = registry.Edit("PROD-EU", new ClusterEdit { Description = "Shop and search" });

        var cluster = registry.Find("prod-eu")!;
        Assert.Equal("Production EU", cluster.DisplayName);
        Assert.Equal("Shop and search", cluster.Description);
        Assert.Equal(Labels(("env", "prod"), ("team", "web")), cluster.Labels);
        Assert.Equal(RegistryTestBed.Start + TimeSpan.FromHours(1), cluster.UpdatedAt);
        Assert.Equal(RegistryTestBed.Start, cluster.RegisteredAt);
        Assert.Equal(["set its description to 'Shop and search'"], result.Changes);
    }

    [Fact]
    public void EmptyValuesClearAndLabelsAreReplacedAsAWhole()
    {
        var registry = bed.Registry;
        registry.Edit("prod-eu", new ClusterEdit { DisplayName = "Production EU", Description = "Shop" });

        var result = registry.Edit("prod-eu", new ClusterEdit { DisplayName = "", Description = "", Labels = Labels(("tier", "gold")) });

        var cluster = registry.Find("prod-eu")!;
        Assert.Null(cluster.DisplayName);
        Assert.Null(cluster.Description);
        Assert.Equal(Labels(("tier", "gold")), cluster.Labels);
        Assert.Equal(["cleared its display name", "cleared its description", "set its labels to tier=gold"], result.Changes);

        registry.Edit("prod-eu", new ClusterEdit { Labels = Labels() });
        Assert.Empty(registry.Find("prod-eu")!.Labels);
    }

    [Fact]
    public void AnEditThatChangesNothingLeavesUpdatedAtAndTheFileAlone()
    {
        var before = bed.ProfileText;
        bed.Clock.Advance(TimeSpan.FromDays(1));

        var result = bed.Registry.Edit("prod-eu", new ClusterEdit { Labels = Labels(("team", "web"), ("env", "prod")) });

        Assert.Empty(result.Changes);
        Assert.Equal(RegistryTestBed.Start, result.Cluster.UpdatedAt);
        Assert.Equal(before, bed.ProfileText);
    }

    [Fact]
    public void EditingAClusterThatIsNotRegisteredFailsAndBadLabelsChangeNothing()
    {
        var before = bed.ProfileText;

        var missing = Assert.Throws<KubeFleetException>(() => bed.Registry.Edit("staging", new ClusterEdit { Description = "x" }));
        var badLabel = Assert.Throws<KubeFleetException>(() => bed.Registry.Edit("prod-eu", new ClusterEdit { Description = "x", Labels = Labels(("env", "not valid")) }));

        Assert.Equal(RegistryErrorIds.SetNotFound, missing.ErrorId);
        Assert.Equal(RegistryErrorIds.LabelInvalid, badLabel.ErrorId);
        Assert.Equal(before, bed.ProfileText);
    }

    [Fact]
    public void UnregisteringRemovesTheClustersAndTheirSealedCredentials()
    {
        var removed = bed.Registry.Unregister(["PROD-EU", "prod-us", "never-registered"]);

        Assert.Equal(["prod-eu", "prod-us"], removed);
        Assert.Equal(["Dev"], Names(bed.Registry.Select(ClusterFilter.All, RegistryErrorIds.GetNotFound)));
        Assert.DoesNotContain("prod-eu", bed.ProfileText);
    }

    private static string[] Names(ClusterSelection selection) => selection.Clusters.Select(cluster => cluster.Name).ToArray();

    private static Dictionary<string, string> Labels(params (string Key, string Value)[] labels) =>
        labels.ToDictionary(label => label.Key, label => label.Value);
}
