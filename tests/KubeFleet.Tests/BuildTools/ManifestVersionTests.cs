using KubeFleet.BuildTools.Manifest;

namespace KubeFleet.Tests.BuildTools;

public sealed class ManifestVersionTests
{
    private const string Source = """
        @{
            # ModuleVersion is filled in
            ModuleVersion = '0.0.0'
            PrivateData = @{
                PSData = @{
                    Tags = @('k8s')
                }
            }
        }
        """;

    [Fact]
    public void Fills_in_a_release_version()
    {
        var manifest = ManifestVersion.Apply(Source, "1.2.3");

        Assert.Contains("ModuleVersion = '1.2.3'", manifest);
        Assert.Contains("# ModuleVersion is filled in", manifest);
        Assert.DoesNotContain("Prerelease", manifest);
    }

    [Fact]
    public void Puts_a_prerelease_label_where_PowerShellGet_reads_it()
    {
        var manifest = ManifestVersion.Apply(Source, "1.2.3-preview.2");

        Assert.Contains("ModuleVersion = '1.2.3'", manifest);
        Assert.Matches(@"PSData = @\{\s+Prerelease = 'preview2'", manifest);
    }

    [Theory]
    [InlineData("one.two")]
    [InlineData("")]
    public void Refuses_a_version_PowerShell_cannot_read(string version)
    {
        Assert.Throws<FormatException>(() => ManifestVersion.Apply(Source, version));
    }

    [Fact]
    public void Refuses_a_manifest_without_a_version_line()
    {
        Assert.Throws<FormatException>(() => ManifestVersion.Apply("@{ }", "1.0.0"));
    }
}
