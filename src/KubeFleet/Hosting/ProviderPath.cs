namespace KubeFleet.Hosting;

/// <summary>A path resolved by a PowerShell provider, with the provider's name (FileSystem, Environment…).</summary>
public sealed record ProviderPath(string Path, string ProviderName)
{
    public const string FileSystem = "FileSystem";

    public bool IsFileSystem => ProviderName == FileSystem;
}
