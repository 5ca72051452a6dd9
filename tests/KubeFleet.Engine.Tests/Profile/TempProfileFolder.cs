using KubeFleet.Engine.Profile;

namespace KubeFleet.Engine.Tests.Profile;

/// <summary>A fresh folder for one test's profile, deleted afterwards.</summary>
internal sealed class TempProfileFolder : IDisposable
{
    public TempProfileFolder()
    {
        Path = Directory.CreateTempSubdirectory("kubefleet-profile-").FullName;
    }

    public string Path { get; }

    public string ProfilePath => System.IO.Path.Combine(Path, "profile.json");

    public string KeyFilePath => ProfilePath + ".key";

    public string BackupPath => ProfilePath + ".bak";

    public string LockPath => ProfilePath + ".lock";

    public ProfileStore Store(IProfileEnvironment? environment = null, TimeSpan? lockTimeout = null, string? profilePath = null)
    {
        environment ??= new TestProfileEnvironment();
        return new ProfileStore(ProfileLocation.Resolve(profilePath ?? ProfilePath, environment), environment, lockTimeout);
    }

    /// <summary>The files in the folder, by name, so a test can see that nothing was added or left behind.</summary>
    public string[] FileNames() =>
        Directory.EnumerateFileSystemEntries(Path).Select(System.IO.Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;

    public void Dispose()
    {
        if (!OperatingSystem.IsWindows())
        {
            // Tests make folders read-only; give them back so they can be deleted.
            foreach (var folder in Directory.EnumerateDirectories(Path, "*", SearchOption.AllDirectories).Prepend(Path))
            {
                File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        Directory.Delete(Path, recursive: true);
    }
}
