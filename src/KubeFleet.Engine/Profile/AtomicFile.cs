namespace KubeFleet.Engine.Profile;

/// <summary>
/// Writes that leave either the old file or the new one, never a torn one: the content goes to a
/// new owner-only file in the same folder, is flushed to the disk, and only then renamed into place.
/// </summary>
internal static class AtomicFile
{
    /// <summary>Creates <paramref name="path"/>; fails if it already exists, unless <paramref name="overwrite"/>.</summary>
    public static void Create(string path, ReadOnlySpan<byte> content, bool overwrite = false)
    {
        var temp = WriteTemp(path, content);
        try
        {
            File.Move(temp, path, overwrite);
        }
        catch
        {
            DeleteQuietly(temp);
            throw;
        }
    }

    /// <summary>
    /// Replaces <paramref name="path"/> (or creates it), keeping the version it replaces as
    /// <paramref name="backupPath"/>. A looser mode on the old file is tightened first, so the backup
    /// is owner-only too.
    /// </summary>
    public static void Replace(string path, string backupPath, ReadOnlySpan<byte> content)
    {
        var temp = WriteTemp(path, content);
        try
        {
            if (File.Exists(path))
            {
                OwnerOnlyFiles.Tighten(path);

                // On Unix this links the backup to the old file, then rename(2)s the new one over it:
                // the profile path never stops naming a whole file. On Windows it is ReplaceFile,
                // which keeps the old file's ACL.
                File.Replace(temp, path, backupPath, ignoreMetadataErrors: true);
            }
            else
            {
                File.Move(temp, path, overwrite: false);
            }
        }
        catch
        {
            DeleteQuietly(temp);
            throw;
        }
    }

    public static void DeleteQuietly(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left behind, it is deleted by the next write under the lock (ProfileFiles.LeftoverTempFiles).
        }
    }

    private static string WriteTemp(string finalPath, ReadOnlySpan<byte> content)
    {
        var temp = $"{finalPath}.{Guid.NewGuid():N}{ProfileFiles.TempSuffix}";
        try
        {
            using var stream = new FileStream(temp, OwnerOnlyFiles.CreateNew());
            stream.Write(content);

            // rename(2) and ReplaceFile do not flush: without this, a crash soon after could leave the
            // new name pointing at a file whose content never reached the disk.
            stream.Flush(flushToDisk: true);
        }
        catch (ArgumentOutOfRangeException e)
        {
            // .NET reports EFBIG (a file size limit, or a file system's largest file) this way.
            DeleteQuietly(temp);
            throw new IOException($"The file system refused to let {temp} grow to {content.Length} bytes.", e);
        }
        catch
        {
            DeleteQuietly(temp);
            throw;
        }

        return temp;
    }
}
