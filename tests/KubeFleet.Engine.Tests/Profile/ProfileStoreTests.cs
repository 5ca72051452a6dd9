using System.Text.Json.Nodes;
using KubeFleet.Engine.Connections;
using KubeFleet.Engine.Errors;
using KubeFleet.Engine.Profile;

namespace KubeFleet.Engine.Tests.Profile;

public sealed class ProfileStoreTests : IDisposable
{
    private readonly TempProfileFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void MissingProfileReadsAsEmptyAndIsNotCreatedByReadingOrByAChangeThatChangesNothing()
    {
        var store = folder.Store();

        var profile = store.Read();
        store.Update(document => document.RemoveCluster("absent"));

        Assert.Empty(profile.Clusters);
        Assert.Equal(ProfileDocument.CurrentSchemaVersion, profile.SchemaVersion);
        Assert.Empty(folder.FileNames());
    }

    [Fact]
    public void FirstWriteCreatesTheFolderAndTheProfile()
    {
        var nested = Path.Combine(folder.Path, "new", "kubefleet", "profile.json");

        folder.Store(profilePath: nested).Update(profile => profile.AddCluster(Canary.Cluster("dev")));

        Assert.Equal(["dev"], folder.Store(profilePath: nested).Read().Clusters.Select(cluster => cluster.Name));
    }

    [Fact]
    public void EveryFieldOfAClusterSurvivesAWriteAndARead()
    {
        var notAfter = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.FromHours(2));
        var updatedAt = new DateTimeOffset(2025, 4, 1, 8, 30, 0, TimeSpan.Zero);
        folder.Store().Update(profile =>
        {
            var cluster = Canary.Cluster("Prod-EU", Canary.CertificateAccess());
            cluster.DisplayName = "Production (EU) ✓";
            cluster.Description = "Serves \"everything\" + more";
            cluster.Labels["env"] = "prod";
            cluster.Labels["Env"] = "differs by case";
            cluster.Workspaces.Add("payments");
            cluster.Workspaces.Add("sre");
            cluster.ClusterUid = "7c1a0b52-7a5f-4e36-9f2e-0d8f6b3c2a11";
            cluster.ServerVersion = "v1.32.1";
            cluster.ContextName = "prod-eu-admin";
            cluster.UserName = "system:serviceaccount:ops:kubefleet";
            cluster.CertificateNotAfter = notAfter;
            cluster.Permissions = new ClusterPermissions(CanListAllNamespaces: true, ReadOnly: true);
            cluster.UpdatedAt = updatedAt;
            profile.AddCluster(cluster);
        });

        var read = Assert.Single(folder.Store().Read().Clusters);

        Assert.Equal("Prod-EU", read.Name);
        Assert.Equal("Production (EU) ✓", read.DisplayName);
        Assert.Equal("Serves \"everything\" + more", read.Description);
        Assert.Equal(new Dictionary<string, string> { ["env"] = "prod", ["Env"] = "differs by case" }, read.Labels);
        Assert.Equal(["payments", "sre"], read.Workspaces);
        Assert.Equal(Canary.Server, read.Server);
        Assert.Equal("7c1a0b52-7a5f-4e36-9f2e-0d8f6b3c2a11", read.ClusterUid);
        Assert.Equal("v1.32.1", read.ServerVersion);
        Assert.Equal("prod-eu-admin", read.ContextName);
        Assert.Equal("ClientCertificate", read.AuthKind);
        Assert.Equal("system:serviceaccount:ops:kubefleet", read.UserName);
        Assert.Equal(notAfter, read.CertificateNotAfter);
        Assert.Equal(new ClusterPermissions(true, true), read.Permissions);
        Assert.Equal(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero), read.RegisteredAt);
        Assert.Equal(updatedAt, read.UpdatedAt);
    }

    [Theory]
    [MemberData(nameof(AccessOfEveryKind))]
    public void AccessOfEveryKindSurvivesSealingAndUnsealing(string name, ClusterAccess access)
    {
        folder.Store().Update(profile => profile.AddCluster(Canary.Cluster(name, access)));

        var read = folder.Store().Read().FindCluster(name)!;

        Assert.True(read.HasAccess);
        Assert.Equal(access.Credential.Kind, read.AuthKind);
        AssertSameAccess(access, read.GetAccess()!);
    }

    public static TheoryData<string, ClusterAccess> AccessOfEveryKind() => new()
    {
        { "token", Canary.TokenAccess() },
        { "certificate", Canary.CertificateAccess() },
        { "exec", Canary.ExecAccess() },
        { "anonymous", new ClusterAccess { Server = Canary.Server, Credential = new AnonymousCredential() } },
    };

    [Fact]
    public void ClusterWithoutCredentialHasNoAccess()
    {
        folder.Store().Update(profile => profile.AddCluster(Canary.Cluster("imported")));

        var read = folder.Store().Read().FindCluster("imported")!;

        Assert.False(read.HasAccess);
        Assert.Null(read.GetAccess());
        Assert.Null(read.AuthKind);
    }

    [Fact]
    public void ReplacingAccessMovesTheServerAndKindAlongAndRemovingItLeavesNone()
    {
        var moved = Canary.TokenAccess() with { Server = new Uri("https://new.example:443") };
        folder.Store().Update(profile => profile.AddCluster(Canary.Cluster("c", Canary.CertificateAccess())));

        folder.Store().Update(profile => profile.FindCluster("c")!.SetAccess(moved));
        var replaced = folder.Store().Read().FindCluster("c")!;
        folder.Store().Update(profile => profile.FindCluster("c")!.SetAccess(null));
        var removed = folder.Store().Read().FindCluster("c")!;

        Assert.Equal(new Uri("https://new.example:443"), replaced.Server);
        Assert.Equal("Token", replaced.AuthKind);
        AssertSameAccess(moved, replaced.GetAccess()!);
        Assert.False(removed.HasAccess);
    }

    [Fact]
    public void ClusterNamesAreUniqueRegardlessOfCase()
    {
        folder.Store().Update(profile => profile.AddCluster(Canary.Cluster("Prod")));

        var error = Assert.Throws<KubeFleetException>(() => folder.Store().Update(profile => profile.AddCluster(Canary.Cluster("PROD"))));

        Assert.Equal("ClusterNameTaken", error.ErrorId);
        Assert.Equal(ErrorKind.ResourceExists, error.Kind);
        Assert.Contains("'Prod'", error.Message, StringComparison.Ordinal);
        Assert.Equal("Prod", folder.Store().Read().FindCluster("prod")!.Name);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" padded ")]
    [InlineData("tab\tbed")]
    public void NamesThatCannotBeShownAreRefused(string name)
    {
        var error = Assert.Throws<KubeFleetException>(() => Canary.Cluster(name));

        Assert.Equal("ClusterNameInvalid", error.ErrorId);
    }

    [Fact]
    public void ClustersCanBeRemovedAndKeepTheirOrder()
    {
        folder.Store().Update(profile =>
        {
            foreach (var name in new[] { "c", "a", "b" })
            {
                profile.AddCluster(Canary.Cluster(name));
            }
        });

        var removed = folder.Store().Update(profile => profile.RemoveCluster("A"));

        Assert.True(removed);
        Assert.Equal(["c", "b"], folder.Store().Read().Clusters.Select(cluster => cluster.Name));
    }

    [Fact]
    public void UnknownFieldsAtTheTopAndInClustersSurviveARewrite()
    {
        folder.Store().Update(profile => profile.AddCluster(Canary.Cluster("a", Canary.TokenAccess())));
        var json = JsonNode.Parse(File.ReadAllText(folder.ProfilePath))!;
        json["futureSetting"] = new JsonObject { ["nested"] = new JsonArray(1, "two", null) };
        json["clusters"]![0]!["futureClusterField"] = "kept";
        File.WriteAllText(folder.ProfilePath, json.ToJsonString());

        folder.Store().Update(profile =>
        {
            profile.FindCluster("a")!.Description = "changed";
            profile.AddCluster(Canary.Cluster("b"));
        });

        var rewritten = JsonNode.Parse(File.ReadAllText(folder.ProfilePath))!;
        Assert.Equal("""{"nested":[1,"two",null]}""", rewritten["futureSetting"]!.ToJsonString());
        Assert.Equal("kept", (string?)rewritten["clusters"]![0]!["futureClusterField"]);
        Assert.Equal("changed", folder.Store().Read().FindCluster("a")!.Description);
        Assert.Equal(Canary.Token, ((TokenCredential)folder.Store().Read().FindCluster("a")!.GetAccess()!.Credential).Token);
    }

    [Fact]
    public void AChangeThatThrowsLeavesEveryFileUntouched()
    {
        folder.Store().Update(profile => profile.AddCluster(Canary.Cluster("a", Canary.TokenAccess())));
        folder.Store().Update(profile => profile.AddCluster(Canary.Cluster("b")));
        var before = Snapshot();

        var error = Assert.Throws<InvalidOperationException>(() => folder.Store().Update(profile =>
        {
            profile.RemoveCluster("a");
            profile.AddCluster(Canary.Cluster("c", Canary.ExecAccess()));
            throw new InvalidOperationException("the change failed");
        }));

        Assert.Equal("the change failed", error.Message);
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public void EachWriteKeepsThePreviousVersionAsBak()
    {
        folder.Store().Update(profile => profile.AddCluster(Canary.Cluster("a")));
        var first = File.ReadAllBytes(folder.ProfilePath);

        folder.Store().Update(profile => profile.AddCluster(Canary.Cluster("b")));

        Assert.Equal(first, File.ReadAllBytes(folder.BackupPath));
        Assert.Equal(2, folder.Store().Read().Clusters.Count);
    }

    [Fact]
    public void UpdateReturnsWhatTheChangeReturns()
    {
        var count = folder.Store().Update(profile =>
        {
            profile.AddCluster(Canary.Cluster("a"));
            return profile.Clusters.Count;
        });

        Assert.Equal(1, count);
    }

    [Fact]
    public void ProfileIdIsMadeOnceAndKept()
    {
        var created = folder.Store().Update(profile =>
        {
            profile.AddCluster(Canary.Cluster("a"));
            return profile.ProfileId;
        });

        folder.Store().Update(profile => profile.AddCluster(Canary.Cluster("b")));

        Assert.NotEqual(Guid.Empty, created);
        Assert.Equal(created, folder.Store().Read().ProfileId);
    }

    [Fact]
    public void AClusterMovedToAnotherProfileIsResealedForIt()
    {
        using var other = new TempProfileFolder();
        folder.Store().Update(profile => profile.AddCluster(Canary.Cluster("travels", Canary.ExecAccess())));

        var moving = folder.Store().Read().FindCluster("travels")!;
        other.Store().Update(profile => profile.AddCluster(moving));

        AssertSameAccess(Canary.ExecAccess(), other.Store().Read().FindCluster("travels")!.GetAccess()!);
    }

    [Fact]
    public async Task ReadersSeeAWholeProfileWhileAnotherThreadRewritesIt()
    {
        folder.Store().Update(profile => profile.AddCluster(Canary.Cluster("0", Canary.TokenAccess())));
        var writer = Task.Run(() =>
        {
            for (var index = 1; index <= 40; index++)
            {
                var name = index.ToString(System.Globalization.CultureInfo.InvariantCulture);
                folder.Store().Update(profile => profile.AddCluster(Canary.Cluster(name, Canary.TokenAccess())));
            }
        });

        var seen = 0;
        while (!writer.IsCompleted)
        {
            var clusters = folder.Store().Read().Clusters;
            Assert.True(clusters.Count >= seen, "A read went back in time.");
            seen = clusters.Count;
        }

        await writer;
        Assert.Equal(41, folder.Store().Read().Clusters.Count);
    }

    internal static void AssertSameAccess(ClusterAccess expected, ClusterAccess actual)
    {
        Assert.Equal(expected.Server, actual.Server);
        Assert.Equal(expected.CertificateAuthorityPem, actual.CertificateAuthorityPem);
        Assert.Equal(expected.TlsServerName, actual.TlsServerName);
        Assert.Equal(expected.InsecureSkipTlsVerify, actual.InsecureSkipTlsVerify);
        Assert.Equal(expected.ProxyUrl, actual.ProxyUrl);
        Assert.Equal(expected.DisableCompression, actual.DisableCompression);
        Assert.Equal(expected.Impersonate, actual.Impersonate);
        Assert.Equal(expected.ImpersonateGroups, actual.ImpersonateGroups);
        Assert.Equal(expected.ExecClusterConfigJson, actual.ExecClusterConfigJson);
        switch (expected.Credential)
        {
            case ExecCredential exec:
                var actualExec = Assert.IsType<ExecCredential>(actual.Credential).Config;
                Assert.Equal(exec.Config.Env, actualExec.Env);
                Assert.Equal(exec.Config.Args, actualExec.Args);
                Assert.Equal(exec.Config with { Env = [], Args = [] }, actualExec with { Env = [], Args = [] });
                break;
            default:
                Assert.Equal(expected.Credential, actual.Credential);
                break;
        }
    }

    private Dictionary<string, byte[]> Snapshot() =>
        folder.FileNames().ToDictionary(name => name, name => File.ReadAllBytes(Path.Combine(folder.Path, name)));
}
