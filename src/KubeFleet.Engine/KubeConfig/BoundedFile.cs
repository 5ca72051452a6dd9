namespace KubeFleet.Engine.KubeConfig;

/// <summary>Reads a whole file, but never more than a cap: a path may name a device or a pipe.</summary>
internal static class BoundedFile
{
    /// <summary>
    /// The file's bytes, or null when it holds more than <paramref name="maxBytes"/>. I/O failures
    /// (missing file, no permission, a folder) surface as the usual exceptions for the caller to name.
    /// </summary>
    public static byte[]? TryReadAtMost(string path, int maxBytes)
    {
        if (Directory.Exists(path))
        {
            throw new IOException($"'{path}' is a folder, not a file.");
        }
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        if (stream.CanSeek && stream.Length > maxBytes)
        {
            return null;
        }
        // Read one byte past the cap so that a file growing under us, or a device with no length,
        // is still caught.
        var buffer = new byte[maxBytes + 1];
        var total = 0;
        int read;
        while (total < buffer.Length && (read = stream.Read(buffer, total, buffer.Length - total)) > 0)
        {
            total += read;
        }
        return total > maxBytes ? null : buffer[..total];
    }
}
