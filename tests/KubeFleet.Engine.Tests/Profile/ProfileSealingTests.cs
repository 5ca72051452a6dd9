using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using KubeFleet.Engine.Connections;
using KubeFleet.Engine.Errors;
using KubeFleet.Engine.Profile;

namespace KubeFleet.Engine.Tests.Profile;

public sealed class ProfileSealingTests : IDisposable
{
    private readonly TempProfileFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void NoSecretIsInClearInTheProfileItsBackupOrAnyString()
    {
        Register(("token", Canary.TokenAccess()), ("certificate", Canary.CertificateAccess()), ("exec", Canary.ExecAccess()));
        folder.Store().Update(profile => profile.FindCluster("token")!.Description = "touched");

        var profile = folder.Store().Read();
        var text = File.ReadAllText(folder.ProfilePath) + File.ReadAllText(folder.BackupPath);

        Canary.AssertAbsent(text);
        Assert.DoesNotContain("AKIAEXAMPLE", text, StringComparison.Ordinal);
        Assert.Contains("AWS_SECRET_ACCESS_KEY", text, StringComparison.Ordinal);
        foreach (var cluster in profile.Clusters)
        {
            Canary.AssertAbsent(cluster.ToString());
            Canary.AssertAbsent(cluster.GetAccess()!.Credential.ToString());
        }

        Canary.AssertAbsent(profile.ToString());
        Assert.Equal(Canary.Token, ((TokenCredential)profile.FindCluster("token")!.GetAccess()!.Credential).Token);
    }

    [Fact]
    public void ListingClustersNeedsNoKeyButOpeningAccessNamesTheMissingKey()
    {
        Register(("prod", Canary.TokenAccess()));
        File.Delete(folder.KeyFilePath);

        var cluster = Assert.Single(folder.Store().Read().Clusters);
        var error = Assert.Throws<KubeFleetException>(() => cluster.GetAccess());

        Assert.Equal("Token", cluster.AuthKind);
        Assert.Equal(Canary.Server, cluster.Server);
        Assert.Equal("ProfileKeyMissing", error.ErrorId);
        Assert.Contains("KUBEFLEET_PROFILE_KEY", error.Message, StringComparison.Ordinal);
        Assert.Contains(folder.KeyFilePath, error.Message, StringComparison.Ordinal);
        Assert.Contains("'prod'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutTheKeyMetadataCanChangeAndSealedAccessIsKeptAsItWas()
    {
        Register(("prod", Canary.TokenAccess()));
        var key = File.ReadAllBytes(folder.KeyFilePath);
        File.Delete(folder.KeyFilePath);

        folder.Store().Update(profile => profile.FindCluster("prod")!.Description = "edited without the key");
        File.WriteAllBytes(folder.KeyFilePath, key);

        var cluster = folder.Store().Read().FindCluster("prod")!;
        Assert.Equal("edited without the key", cluster.Description);
        ProfileStoreTests.AssertSameAccess(Canary.TokenAccess(), cluster.GetAccess()!);
    }

    [Fact]
    public void ANewSecretIsNotSealedWithANewKeyWhenTheProfileKeyIsMissing()
    {
        Register(("prod", Canary.TokenAccess()));
        File.Delete(folder.KeyFilePath);
        var before = File.ReadAllBytes(folder.ProfilePath);

        var error = Assert.Throws<KubeFleetException>(() => Register(("dev", Canary.ExecAccess())));

        Assert.Equal("ProfileKeyMissing", error.ErrorId);
        Assert.Equal(before, File.ReadAllBytes(folder.ProfilePath));
        Assert.False(File.Exists(folder.KeyFilePath));
    }

    [Fact]
    public void KeyFromTheVariableMakesAPortableProfileThatOpensElsewhere()
    {
        var environment = WithKey(NewKey());
        folder.Store(environment).Update(profile => profile.AddCluster(Canary.Cluster("prod", Canary.ExecAccess())));
        using var runbookMachine = new TempProfileFolder();
        File.Copy(folder.ProfilePath, runbookMachine.ProfilePath);

        var access = runbookMachine.Store(environment).Read().FindCluster("prod")!.GetAccess()!;

        Assert.False(File.Exists(folder.KeyFilePath));
        ProfileStoreTests.AssertSameAccess(Canary.ExecAccess(), access);
    }

    [Fact]
    public void AWrongKeyIsToldApartFromTamperingAndNamesWhereTheKeyCameFrom()
    {
        var rightKey = NewKey();
        var wrongKey = NewKey();
        folder.Store(WithKey(rightKey)).Update(profile => profile.AddCluster(Canary.Cluster("prod", Canary.TokenAccess())));

        var onRead = Assert.Throws<KubeFleetException>(() => folder.Store(WithKey(wrongKey)).Read().FindCluster("prod")!.GetAccess());
        var before = File.ReadAllBytes(folder.ProfilePath);
        var onWrite = Assert.Throws<KubeFleetException>(() => folder.Store(WithKey(wrongKey)).Update(profile =>
            profile.AddCluster(Canary.Cluster("dev", Canary.TokenAccess()))));

        Assert.Equal("ProfileKeyMismatch", onRead.ErrorId);
        Assert.Equal(ErrorKind.SecurityError, onRead.Kind);
        Assert.Contains("KUBEFLEET_PROFILE_KEY", onRead.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(wrongKey, onRead.Message, StringComparison.Ordinal);
        Assert.Equal("ProfileKeyMismatch", onWrite.ErrorId);
        Assert.Equal(before, File.ReadAllBytes(folder.ProfilePath));
    }

    [Fact]
    public void TheKeyFileDoesNotOpenAProfileSealedWithTheVariable()
    {
        folder.Store(WithKey(NewKey())).Update(profile => profile.AddCluster(Canary.Cluster("prod", Canary.TokenAccess())));
        File.WriteAllText(folder.KeyFilePath, NewKey());

        var error = Assert.Throws<KubeFleetException>(() => folder.Store().Read().FindCluster("prod")!.GetAccess());

        Assert.Equal("ProfileKeyMismatch", error.ErrorId);
        Assert.Contains(folder.KeyFilePath, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not base64 at all!")]
    [InlineData("c2hvcnQ=")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void AVariableThatIsNotAKeyIsRefusedWithHowToMakeOneAndWithoutEchoingIt(string value)
    {
        Register(("prod", Canary.TokenAccess()));

        var error = Assert.Throws<KubeFleetException>(() => folder.Store(WithKey(value)).Read().FindCluster("prod")!.GetAccess());

        Assert.Equal("ProfileKeyInvalid", error.ErrorId);
        Assert.Contains("RandomNumberGenerator", error.Message, StringComparison.Ordinal);
        Assert.Contains("32", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(value, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ADamagedKeyFileIsRefusedByName()
    {
        Register(("prod", Canary.TokenAccess()));
        File.WriteAllText(folder.KeyFilePath, "damaged");

        var error = Assert.Throws<KubeFleetException>(() => folder.Store().Read().FindCluster("prod")!.GetAccess());

        Assert.Equal("ProfileKeyInvalid", error.ErrorId);
        Assert.Contains(folder.KeyFilePath, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ATamperedSecretIsReportedForItsClusterAndFieldAndOthersStillOpen()
    {
        Register(("prod", Canary.TokenAccess()), ("dev", Canary.TokenAccess()));
        EditProfile(json =>
        {
            var token = json["clusters"]![0]!["access"]!["credential"]!["token"]!;
            var sealedBytes = Convert.FromBase64String((string)token["aes256gcm"]!);
            sealedBytes[^1] ^= 1;
            token["aes256gcm"] = Convert.ToBase64String(sealedBytes);
        });

        var profile = folder.Store().Read();
        var error = Assert.Throws<KubeFleetException>(() => profile.FindCluster("prod")!.GetAccess());

        Assert.Equal("ProfileSecretTampered", error.ErrorId);
        Assert.Contains("'prod'", error.Message, StringComparison.Ordinal);
        Assert.Contains("credential.token", error.Message, StringComparison.Ordinal);
        ProfileStoreTests.AssertSameAccess(Canary.TokenAccess(), profile.FindCluster("dev")!.GetAccess()!);
    }

    [Fact]
    public void ASecretSwappedIntoAnotherClusterDoesNotOpen()
    {
        Register(("prod", Canary.TokenAccess("prod-token")), ("dev", Canary.TokenAccess("dev-token")));
        EditProfile(json =>
            json["clusters"]![1]!["access"]!["credential"]!["token"] = json["clusters"]![0]!["access"]!["credential"]!["token"]!.DeepClone());

        var error = Assert.Throws<KubeFleetException>(() => folder.Store().Read().FindCluster("dev")!.GetAccess());

        Assert.Equal("ProfileSecretTampered", error.ErrorId);
        Assert.Contains("'dev'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ASecretSwappedIntoAnotherFieldDoesNotOpen()
    {
        Register(("prod", Canary.ExecAccess()));
        EditProfile(json =>
        {
            var env = json["clusters"]![0]!["access"]!["credential"]!["exec"]!["env"]!;
            (env[0]!["value"], env[1]!["value"]) = (env[1]!["value"]!.DeepClone(), env[0]!["value"]!.DeepClone());
        });

        var error = Assert.Throws<KubeFleetException>(() => folder.Store().Read().FindCluster("prod")!.GetAccess());

        Assert.Equal("ProfileSecretTampered", error.ErrorId);
        Assert.Contains("AWS_ACCESS_KEY_ID", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ASecretCopiedIntoAnotherProfileWithTheSameKeyDoesNotOpen()
    {
        var environment = WithKey(NewKey());
        using var other = new TempProfileFolder();
        folder.Store(environment).Update(profile => profile.AddCluster(Canary.Cluster("prod", Canary.TokenAccess())));
        other.Store(environment).Update(profile => profile.AddCluster(Canary.Cluster("prod", Canary.TokenAccess("other"))));
        var stolen = JsonNode.Parse(File.ReadAllText(folder.ProfilePath))!["clusters"]![0]!["access"]!.DeepClone();
        var otherJson = JsonNode.Parse(File.ReadAllText(other.ProfilePath))!;
        otherJson["clusters"]![0]!["access"] = stolen;
        File.WriteAllText(other.ProfilePath, otherJson.ToJsonString());

        var error = Assert.Throws<KubeFleetException>(() => other.Store(environment).Read().FindCluster("prod")!.GetAccess());

        Assert.Equal("ProfileSecretTampered", error.ErrorId);
    }

    [Theory]
    [InlineData("server", "\"https://attacker.example\"")]
    [InlineData("insecureSkipTlsVerify", "true")]
    [InlineData("certificateAuthorityPem", "\"attacker CA\"")]
    public void AnAccessRedirectedElsewhereDoesNotReleaseItsSecrets(string setting, string jsonValue)
    {
        Register(("prod", Canary.TokenAccess()));
        EditProfile(json => json["clusters"]![0]!["access"]![setting] = JsonNode.Parse(jsonValue));

        var error = Assert.Throws<KubeFleetException>(() => folder.Store().Read().FindCluster("prod")!.GetAccess());

        Assert.Equal("ProfileSecretTampered", error.ErrorId);
        Canary.AssertAbsent(error);
    }

    [Fact]
    public void AnExecPluginSwappedForAnotherProgramDoesNotGetTheSealedEnvironment()
    {
        Register(("prod", Canary.ExecAccess()));
        EditProfile(json => json["clusters"]![0]!["access"]!["credential"]!["exec"]!["command"] = "/tmp/steal-credentials");

        var error = Assert.Throws<KubeFleetException>(() => folder.Store().Read().FindCluster("prod")!.GetAccess());

        Assert.Equal("ProfileSecretTampered", error.ErrorId);
    }

    [Fact]
    public void ARemovedKeyCheckIsReportedAsTampering()
    {
        Register(("prod", Canary.TokenAccess()));
        EditProfile(json => json.AsObject().Remove("keyCheck"));

        var error = Assert.Throws<KubeFleetException>(() => folder.Store().Read().FindCluster("prod")!.GetAccess());

        Assert.Equal("ProfileSecretTampered", error.ErrorId);
    }

    [Fact]
    public void ErrorsAboutSecretsNeverCarryThem()
    {
        Register(("token", Canary.TokenAccess()), ("certificate", Canary.CertificateAccess()), ("exec", Canary.ExecAccess()));
        var errors = new List<Exception>();
        EditProfile(json =>
        {
            foreach (var cluster in json["clusters"]!.AsArray())
            {
                cluster!["access"]!["server"] = "https://moved.example";
            }
        });
        errors.AddRange(folder.Store().Read().Clusters.Select(cluster => Record.Exception(() => cluster.GetAccess())!));
        File.WriteAllText(folder.KeyFilePath, NewKey());
        errors.AddRange(folder.Store().Read().Clusters.Select(cluster => Record.Exception(() => cluster.GetAccess())!));

        Assert.Equal(6, errors.Count(error => error is KubeFleetException));
        errors.ForEach(Canary.AssertAbsent);
    }

    private void Register(params (string Name, ClusterAccess Access)[] clusters) =>
        folder.Store().Update(profile =>
        {
            foreach (var (name, access) in clusters)
            {
                profile.AddCluster(Canary.Cluster(name, access));
            }
        });

    private void EditProfile(Action<JsonNode> edit)
    {
        var json = JsonNode.Parse(File.ReadAllText(folder.ProfilePath))!;
        edit(json);
        File.WriteAllText(folder.ProfilePath, json.ToJsonString());
    }

    private static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private static TestProfileEnvironment WithKey(string key) => new TestProfileEnvironment().With("KUBEFLEET_PROFILE_KEY", key);
}
