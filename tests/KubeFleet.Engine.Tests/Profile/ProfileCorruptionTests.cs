using System.Text;
using System.Text.Json.Nodes;
using KubeFleet.Engine.Errors;

namespace KubeFleet.Engine.Tests.Profile;

public sealed class ProfileCorruptionTests : IDisposable
{
    private const string ValidStart = """{"schemaVersion":1,"profileId":"0b9d1e6a-57c4-4b0e-a3c3-2f4f0f7f1c11",""";

    private readonly TempProfileFolder folder = new();

    public void Dispose() => folder.Dispose();

    public static TheoryData<string, string> BrokenProfiles() => new()
    {
        { "empty", "it is empty" },
        { "whitespace", "it is empty" },
        { "truncated", "cut short" },
        { "utf8-bom", "byte-order mark" },
        { "utf16", "UTF-16" },
        { "duplicate-top-level-key", "the property schemaVersion appears twice" },
        { "duplicate-secret", "the property clusters[0].access.credential.token appears twice" },
        { "deeply-nested", "nested more than 64 levels" },
        { "yaml", "not valid JSON (line 1" },
        { "binary", "not UTF-8 text" },
        { "trailing-junk", "not valid JSON" },
        { "invalid-utf8", "not UTF-8 text" },
        { "lone-surrogate", "not valid Unicode" },
        { "array", "not a KubeFleet profile" },
        { "no-schema-version", "not a KubeFleet profile" },
        { "schema-version-text", "schemaVersion must be a whole number" },
        { "schema-version-zero", "schemaVersion 0 is not a version" },
        { "bad-profile-id", "profileId must be a GUID" },
        { "clusters-not-array", "clusters must be a JSON array" },
        { "duplicate-cluster-name", "clusters[1].name repeats the name of clusters[0]" },
        { "relative-server", "clusters[0].server must be an https:// or http:// URL" },
        { "missing-registered-at", "clusters[0].registeredAt is missing" },
        { "label-not-text", "clusters[0].labels.tier must be a string" },
    };

    [Theory]
    [MemberData(nameof(BrokenProfiles))]
    public void ABrokenProfileIsRefusedWithWhatIsWrongAndNothingIsTouched(string name, string problem)
    {
        File.WriteAllBytes(folder.ProfilePath, Content(name));
        File.WriteAllText(folder.BackupPath, "previous version");
        var before = Snapshot();

        var onRead = Assert.Throws<KubeFleetException>(() => folder.Store().Read());
        var onWrite = Assert.Throws<KubeFleetException>(() => folder.Store().Update(profile => profile.AddCluster(Canary.Cluster("new", Canary.TokenAccess()))));

        Assert.Equal("ProfileCorrupt", onRead.ErrorId);
        Assert.Equal(ErrorKind.InvalidData, onRead.Kind);
        Assert.Contains(problem, onRead.Message, StringComparison.Ordinal);
        Assert.Contains(folder.ProfilePath, onRead.Message, StringComparison.Ordinal);
        Assert.Contains($"Its previous version is kept in {folder.BackupPath}", onRead.Message, StringComparison.Ordinal);
        Assert.Equal("ProfileCorrupt", onWrite.ErrorId);
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public void ABrokenProfileWithoutBackupSaysThereIsNone()
    {
        File.WriteAllText(folder.ProfilePath, "{");

        var error = Assert.Throws<KubeFleetException>(() => folder.Store().Read());

        Assert.Contains("There is no previous version", error.Message, StringComparison.Ordinal);
        Assert.Equal(["profile.json"], folder.FileNames());
    }

    [Fact]
    public void AMalformedAccessIsReportedWhenItIsOpenedWhileTheListStillWorks()
    {
        folder.Store().Update(profile => profile.AddCluster(Canary.Cluster("prod", Canary.TokenAccess())));
        var json = JsonNode.Parse(File.ReadAllText(folder.ProfilePath))!;
        json["clusters"]![0]!["access"]!["credential"]!["kind"] = "Password";
        File.WriteAllText(folder.ProfilePath, json.ToJsonString());

        var cluster = Assert.Single(folder.Store().Read().Clusters);
        var error = Assert.Throws<KubeFleetException>(() => cluster.GetAccess());

        Assert.Equal("ProfileCorrupt", error.ErrorId);
        Assert.Contains("clusters[0].access.credential.kind must be None, Token, ClientCertificate or Exec", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AProfileFromANewerVersionIsReadButNeverWritten()
    {
        folder.Store().Update(profile => profile.AddCluster(Canary.Cluster("prod", Canary.TokenAccess())));
        var json = JsonNode.Parse(File.ReadAllText(folder.ProfilePath))!;
        json["schemaVersion"] = 2;
        json["newFeature"] = new JsonObject { ["on"] = true };
        File.WriteAllText(folder.ProfilePath, json.ToJsonString());
        var before = Snapshot();

        var profile = folder.Store().Read();
        var error = Assert.Throws<KubeFleetException>(() => folder.Store().Update(document => document.RemoveCluster("prod")));

        Assert.True(profile.IsFromNewerVersion);
        Assert.Equal("prod", Assert.Single(profile.Clusters).Name);
        Assert.Equal("ProfileFromNewerVersion", error.ErrorId);
        Assert.Contains("schemaVersion 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("Update the KubeFleet module", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public void ANewerProfileThisVersionCannotUnderstandSaysSoRatherThanCorrupt()
    {
        File.WriteAllText(folder.ProfilePath, ValidStart.Replace("\"schemaVersion\":1", "\"schemaVersion\":7", StringComparison.Ordinal) + "\"clusters\":{\"byName\":{}}}");

        var error = Assert.Throws<KubeFleetException>(() => folder.Store().Read());

        Assert.Equal("ProfileFromNewerVersion", error.ErrorId);
        Assert.Contains("schemaVersion 7", error.Message, StringComparison.Ordinal);
    }

    private static byte[] Content(string name) => name switch
    {
        "empty" => [],
        "whitespace" => " \r\n\t"u8.ToArray(),
        "truncated" => Encoding.UTF8.GetBytes(ValidProfile()[..(ValidProfile().Length / 2)]),
        "utf8-bom" => [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(ValidProfile())],
        "utf16" => Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(ValidProfile())).ToArray(),
        "duplicate-top-level-key" => Encoding.UTF8.GetBytes(ValidStart + "\"schemaVersion\":1}"),
        "duplicate-secret" => Encoding.UTF8.GetBytes(ValidProfile().Replace(
            "\"token\":", "\"token\":{\"aes256gcm\":\"AAAA\"},\"token\":", StringComparison.Ordinal)),
        "deeply-nested" => Encoding.UTF8.GetBytes(ValidStart + "\"x\":" + new string('[', 100) + new string(']', 100) + "}"),
        "yaml" => "apiVersion: v1\nkind: Config\n"u8.ToArray(),
        "trailing-junk" => Encoding.UTF8.GetBytes(ValidProfile() + "}"),
        "binary" => [0x00, 0x13, 0x37, 0x80, 0x7F, 0x01],
        "invalid-utf8" => [.. Encoding.UTF8.GetBytes(ValidStart + "\"x\":\""), 0xC3, 0x28, .. "\"}"u8.ToArray()],
        "lone-surrogate" => Encoding.UTF8.GetBytes(ValidStart + "\"clusters\":[" + ClusterJson("\\ud800", "https://a.example") + "]}"),
        "array" => "[]"u8.ToArray(),
        "no-schema-version" => """{"clusters":[]}"""u8.ToArray(),
        "schema-version-text" => """{"schemaVersion":"1"}"""u8.ToArray(),
        "schema-version-zero" => Encoding.UTF8.GetBytes(ValidStart.Replace("\"schemaVersion\":1", "\"schemaVersion\":0", StringComparison.Ordinal) + "\"clusters\":[]}"),
        "bad-profile-id" => """{"schemaVersion":1,"profileId":"me"}"""u8.ToArray(),
        "clusters-not-array" => Encoding.UTF8.GetBytes(ValidStart + "\"clusters\":{}}"),
        "duplicate-cluster-name" => Encoding.UTF8.GetBytes(ValidStart + $$"""
            "clusters":[{{ClusterJson("Prod", "https://a.example")}},{{ClusterJson("PROD", "https://b.example")}}]}
            """),
        "relative-server" => Encoding.UTF8.GetBytes(ValidStart + $$"""
            "clusters":[{{ClusterJson("prod", "/api")}}]}
            """),
        "missing-registered-at" => Encoding.UTF8.GetBytes(ValidStart + "\"clusters\":[{\"name\":\"prod\",\"server\":\"https://a.example\"}]}"),
        "label-not-text" => Encoding.UTF8.GetBytes(ValidStart + """
            "clusters":[{"name":"prod","server":"https://a.example","registeredAt":"2025-01-01T00:00:00Z","labels":{"tier":1}}]}
            """),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such broken profile"),
    };

    private static string ClusterJson(string name, string server) =>
        $$"""{"name":"{{name}}","server":"{{server}}","registeredAt":"2025-01-01T00:00:00Z"}""";

    private static string ValidProfile()
    {
        using var scratch = new TempProfileFolder();
        scratch.Store().Update(profile => profile.AddCluster(Canary.Cluster("prod", Canary.TokenAccess())));
        return File.ReadAllText(scratch.ProfilePath);
    }

    private Dictionary<string, byte[]> Snapshot() =>
        folder.FileNames().ToDictionary(name => name, name => File.ReadAllBytes(Path.Combine(folder.Path, name)));
}
