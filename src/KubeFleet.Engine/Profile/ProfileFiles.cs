namespace KubeFleet.Engine.Profile;

/// <summary>
/// The files that make up one profile. They sit beside the profile file after following symbolic
/// links: a profile reached through a link is replaced where it really lives (the link stays a
/// link), and every process that reaches it, by whichever path, shares one lock, one backup and one
/// key file.
/// </summary>
internal sealed class ProfileFiles
{
    public const string TempSuffix = ".tmp";

    private ProfileFiles(string profilePath)
    {
        ProfilePath = profilePath;
        Folder = Path.GetDirectoryName(profilePath)!;
    }

    public string ProfilePath { get; }

    public string Folder { get; }

    /// <summary>The profile as it was before the latest write.</summary>
    public string BackupPath => ProfilePath + ".bak";

    /// <summary>Held while a process changes the profile; the holder's process id is written inside.</summary>
    public string LockPath => ProfilePath + ".lock";

    public string KeyFilePath => ProfilePath + ".key";

    public static ProfileFiles Of(string profilePath)
    {
        try
        {
            var link = new FileInfo(profilePath);
            return link.LinkTarget is null
                ? new ProfileFiles(profilePath)
                : new ProfileFiles(link.ResolveLinkTarget(returnFinalTarget: true)!.FullName);
        }
        catch (IOException e)
        {
            throw ProfileErrors.ReadFailed(profilePath, e);
        }
    }

    /// <summary>
    /// Temporary files left by writers that died before renaming them. Only temporary files are
    /// written while the lock is held, so whoever holds it may delete every one it finds.
    /// </summary>
    public IEnumerable<string> LeftoverTempFiles() =>
        Directory.Exists(Folder)
            ? Directory.EnumerateFiles(Folder, Path.GetFileName(ProfilePath) + ".*" + TempSuffix)
            : [];
}
