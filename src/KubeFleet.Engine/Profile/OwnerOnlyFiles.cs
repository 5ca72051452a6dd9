namespace KubeFleet.Engine.Profile;

/// <summary>
/// Files and folders that only their owner may read: created that way (the mode is given to
/// open(2)/mkdir(2), so no other user can open them in between), and tightened when they exist
/// with a looser mode. On Windows, new files inherit the user's profile folder ACL, which is
/// already owner-only.
/// </summary>
internal static class OwnerOnlyFiles
{
    private const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private const UnixFileMode GroupAndOthers =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
        UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>Creates the folder (and missing parents) owner-only; an existing folder is left as it is.</summary>
    public static void EnsureFolder(string folder)
    {
        if (Directory.Exists(folder))
        {
            return;
        }

        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else
        {
            Directory.CreateDirectory(folder, FolderMode);
        }
    }

    /// <summary>Options that create a new file, failing if it exists, readable by its owner only.</summary>
    public static FileStreamOptions CreateNew() => Options(System.IO.FileMode.CreateNew, FileAccess.Write, FileShare.None);

    public static FileStreamOptions Options(System.IO.FileMode mode, FileAccess access, FileShare share, FileOptions options = FileOptions.None)
    {
        var result = new FileStreamOptions { Mode = mode, Access = access, Share = share, Options = options };
        if (!OperatingSystem.IsWindows() && mode != System.IO.FileMode.Open)
        {
            result.UnixCreateMode = FileMode;
        }

        return result;
    }

    /// <summary>Removes group and other permissions from an existing file.</summary>
    public static void Tighten(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var mode = File.GetUnixFileMode(path);
        if ((mode & GroupAndOthers) != 0)
        {
            File.SetUnixFileMode(path, mode & ~GroupAndOthers);
        }
    }
}
