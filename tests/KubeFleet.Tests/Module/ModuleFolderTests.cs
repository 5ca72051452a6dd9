namespace KubeFleet.Tests.Module;

public sealed class ModuleFolderTests
{
    /// <summary>
    /// Everything the module folder may hold. Nothing PowerShell already ships (the stub
    /// System.Management.Automation above all) may be in it: PowerShell would load the stub.
    /// </summary>
    private static readonly string[] AllowList =
    [
        "KubeFleet.psd1",
        "KubeFleet.dll",
        "KubeFleet.format.ps1xml",
        "en-US/KubeFleet.dll-Help.xml",
        "dependencies/KubeFleet.Engine.dll",
        "dependencies/YamlDotNet.dll",
        "dependencies/System.Security.Cryptography.ProtectedData.dll",
    ];

    [Fact]
    public void The_module_folder_holds_exactly_the_allowed_files()
    {
        var files = Directory.EnumerateFiles(RepositoryPaths.ModuleFolder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(RepositoryPaths.ModuleFolder, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

        Assert.Equal(AllowList.Order(StringComparer.Ordinal), files);
    }

    [Fact]
    public void The_module_folder_ships_the_cmdlets_assembly_the_tests_run()
    {
        var built = File.ReadAllBytes(Path.Combine(RepositoryPaths.ModuleFolder, "KubeFleet.dll"));

        Assert.Equal(File.ReadAllBytes(typeof(Hosting.KubeFleetCmdlet).Assembly.Location), built);
    }
}
