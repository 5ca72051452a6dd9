using KubeFleet.BuildTools.Help;
using KubeFleet.BuildTools.Manifest;

// Invoked by src/KubeFleet/KubeFleet.csproj while it assembles the module folder.
try
{
    return args switch
    {
        ["manifest", var source, var version, var destination] => WriteManifest(source, version, destination),
        ["help", var assembly, var referencesFile, var docs, var destination] => WriteHelp(assembly, referencesFile, docs, destination),
        _ => Usage(),
    };
}
catch (FormatException invalid)
{
    // MSBuild shows "error:" lines as build errors, with the page or manifest at fault named.
    Console.Error.WriteLine($"error: {invalid.Message}");
    return 1;
}

static int WriteManifest(string source, string version, string destination)
{
    File.WriteAllText(destination, ManifestVersion.Apply(File.ReadAllText(source), version));
    return 0;
}

static int WriteHelp(string assembly, string referencesFile, string docs, string destination)
{
    foreach (var command in HelpBuild.Run(assembly, File.ReadAllLines(referencesFile), docs, destination))
    {
        Console.WriteLine($"KubeFleet help: {command} has no page in {docs} yet; the help tests will fail until it does.");
    }

    return 0;
}

static int Usage()
{
    Console.Error.WriteLine("""
        usage: KubeFleet.BuildTools manifest <source.psd1> <version> <destination.psd1>
               KubeFleet.BuildTools help <KubeFleet.dll> <references.txt> <docs/cmdlets> <destination-Help.xml>
        """);
    return 2;
}
