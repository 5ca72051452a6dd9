using KubeFleet.BuildTools.Manifest;

// Invoked by src/KubeFleet/KubeFleet.csproj while it assembles the module folder.
return args switch
{
    ["manifest", var source, var version, var destination] => WriteManifest(source, version, destination),
    _ => Usage(),
};

static int WriteManifest(string source, string version, string destination)
{
    File.WriteAllText(destination, ManifestVersion.Apply(File.ReadAllText(source), version));
    return 0;
}

static int Usage()
{
    Console.Error.WriteLine("usage: KubeFleet.BuildTools manifest <source.psd1> <version> <destination.psd1>");
    return 2;
}
