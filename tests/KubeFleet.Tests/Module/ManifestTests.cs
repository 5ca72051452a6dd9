using System.Reflection;
using KubeFleet.BuildTools.Metadata;
using KubeFleet.Hosting;

namespace KubeFleet.Tests.Module;

public sealed class ManifestTests
{
    private static readonly Dictionary<string, object?> Manifest =
        PowerShellDataFile.Read(Path.Combine(RepositoryPaths.ModuleFolder, "KubeFleet.psd1"));

    private static Dictionary<string, object?> PsData =>
        (Dictionary<string, object?>)((Dictionary<string, object?>)Manifest["PrivateData"]!)["PSData"]!;

    [Fact]
    public void The_built_manifest_carries_the_build_version()
    {
        var version = typeof(KubeFleetCmdlet).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion.Split('+')[0];

        Assert.Equal(version.Split('-')[0], Manifest["ModuleVersion"]);
        Assert.Equal(version.Contains('-') ? version.Split('-')[1] : null, PsData.GetValueOrDefault("Prerelease"));
    }

    [Fact]
    public void The_manifest_loads_the_cmdlets_assembly_on_PowerShell_7_4_Core()
    {
        Assert.Equal("KubeFleet.dll", Manifest["RootModule"]);
        Assert.Equal("7.4", Manifest["PowerShellVersion"]);
        Assert.Equal(["Core"], Strings("CompatiblePSEditions"));
        Assert.True(Guid.TryParse((string)Manifest["GUID"]!, out _));
        Assert.False(string.IsNullOrWhiteSpace((string?)Manifest["Author"]));
        Assert.False(string.IsNullOrWhiteSpace((string?)Manifest["Description"]));
    }

    [Fact]
    public void Every_file_the_manifest_names_is_in_the_module_folder()
    {
        Assert.True(File.Exists(Path.Combine(RepositoryPaths.ModuleFolder, (string)Manifest["RootModule"]!)));
        Assert.All(Strings("FormatsToProcess"), f => Assert.True(File.Exists(Path.Combine(RepositoryPaths.ModuleFolder, f)), f));
    }

    [Fact]
    public void CmdletsToExport_names_exactly_the_cmdlet_classes()
    {
        var cmdlets = CommandModelReader.ReadAll(typeof(KubeFleetCmdlet).Assembly).Select(c => c.Name).Order(StringComparer.Ordinal);

        Assert.Equal(cmdlets, Strings("CmdletsToExport").Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("CmdletsToExport")]
    [InlineData("FunctionsToExport")]
    [InlineData("AliasesToExport")]
    [InlineData("VariablesToExport")]
    public void Exports_are_explicit_lists_without_wildcards(string field)
    {
        // A missing field or '*' makes PowerShell search the module for exports on every import.
        Assert.True(Manifest.ContainsKey(field), $"{field} is missing");
        Assert.DoesNotContain(Strings(field), name => name.Contains('*'));
    }

    [Theory]
    [InlineData("Tags")]
    [InlineData("ProjectUri")]
    [InlineData("LicenseUri")]
    [InlineData("ReleaseNotes")]
    public void The_gallery_metadata_is_filled_in(string field)
    {
        Assert.NotNull(PsData.GetValueOrDefault(field));
        if (PsData[field] is string text)
        {
            Assert.False(string.IsNullOrWhiteSpace(text));
        }
    }

    [Fact]
    public void Tags_mark_the_module_as_Core_only()
    {
        Assert.Contains("PSEdition_Core", Strings("Tags", PsData));
    }

    private static List<string> Strings(string field, Dictionary<string, object?>? table = null) =>
        ((IEnumerable<object?>)(table ?? Manifest)[field]!).Cast<string>().ToList();
}
