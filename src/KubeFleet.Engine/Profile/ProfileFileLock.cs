using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace KubeFleet.Engine.Profile;

/// <summary>
/// The cross-process lock held while a process changes a profile: the file &lt;profile&gt;.lock,
/// opened exclusively, with the holder's process id written inside. The kernel drops the lock when
/// its holder dies, so a lock file left by a killed process never blocks anyone.
/// </summary>
/// <remarks>
/// On Unix the lock is flock(2), taken explicitly so that DOTNET_SYSTEM_IO_DISABLEFILELOCKING
/// cannot switch it off. The file is deleted while the lock is still held (.NET's DeleteOnClose
/// unlocks first, so a waiter could lock the old file while a newcomer creates and locks a new
/// one); a waiter that then wins the old, deleted file sees that the path no longer holds its own
/// stamp and tries again. On Windows the sharing mode is the lock and DeleteOnClose is exact.
/// </remarks>
internal sealed class ProfileFileLock : IDisposable
{
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(5);
    private static readonly TimeSpan LongestRetryDelay = TimeSpan.FromMilliseconds(100);

    private readonly FileStream stream;
    private readonly string lockPath;

    private ProfileFileLock(FileStream stream, string lockPath)
    {
        this.stream = stream;
        this.lockPath = lockPath;
    }

    /// <summary>Waits for the lock, retrying with backoff, and fails with ProfileLocked after the timeout.</summary>
    public static ProfileFileLock Acquire(ProfileFiles files, TimeSpan timeout)
    {
        var waited = Stopwatch.StartNew();
        var delay = FirstRetryDelay;
        while (true)
        {
            var acquired = TryAcquire(files);
            if (acquired is not null)
            {
                return acquired;
            }

            if (waited.Elapsed >= timeout)
            {
                throw ProfileErrors.Locked(files.ProfilePath, files.LockPath, waited.Elapsed, ReadHolderPid(files.LockPath));
            }

            // Jitter keeps processes that were refused together from retrying in step.
            Thread.Sleep(delay + TimeSpan.FromMilliseconds(Random.Shared.Next((int)delay.TotalMilliseconds + 1)));
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, LongestRetryDelay.Ticks));
        }
    }

    public void Dispose()
    {
        if (!OperatingSystem.IsWindows())
        {
            try
            {
                File.Delete(lockPath);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A lock file that cannot be deleted is harmless: the next holder locks and reuses it.
            }
        }

        stream.Dispose();
    }

    private static ProfileFileLock? TryAcquire(ProfileFiles files)
    {
        FileStream stream;
        try
        {
            stream = OperatingSystem.IsWindows()
                ? new FileStream(files.LockPath, OwnerOnlyFiles.Options(FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, FileOptions.DeleteOnClose))
                : new FileStream(files.LockPath, OwnerOnlyFiles.Options(FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException e) when (IsLockedByAnother(e))
        {
            return null;
        }
        catch (UnauthorizedAccessException) when (OperatingSystem.IsWindows() && File.Exists(files.LockPath))
        {
            // Windows refuses to open a file whose delete-on-close is pending: its holder is just letting go.
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw ProfileErrors.WriteFailed(files.ProfilePath, e);
        }

        try
        {
            if (!OperatingSystem.IsWindows() && !LockExclusive(stream, files.LockPath))
            {
                stream.Dispose();
                return null;
            }

            var stamp = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessId} {Guid.NewGuid():N}\n"));
            stream.SetLength(0);
            stream.Write(stamp);
            stream.Flush();
            if (!OperatingSystem.IsWindows() && !PathHolds(files.LockPath, stamp))
            {
                stream.Dispose();
                return null;
            }

            return new ProfileFileLock(stream, files.LockPath);
        }
        catch (IOException e)
        {
            stream.Dispose();
            throw ProfileErrors.WriteFailed(files.ProfilePath, e);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static bool LockExclusive(FileStream stream, string lockPath)
    {
        try
        {
            return UnixFileLocks.TryLockExclusive(stream.SafeFileHandle);
        }
        catch (IOException e)
        {
            throw ProfileErrors.LockUnsupported(lockPath, e);
        }
    }

    private static bool IsLockedByAnother(IOException e)
    {
        if (OperatingSystem.IsWindows())
        {
            const int SharingViolation = unchecked((int)0x80070020);
            const int LockViolation = unchecked((int)0x80070021);
            return e.HResult is SharingViolation or LockViolation;
        }

        return UnixFileLocks.IsLockedByAnother(e);
    }

    /// <summary>Whether the lock path still names the file this process locked and stamped.</summary>
    private static bool PathHolds(string lockPath, byte[] stamp)
    {
        var content = ReadUnlocked(lockPath, stamp.Length + 1);
        return content is not null && content.AsSpan().SequenceEqual(stamp);
    }

    private static int? ReadHolderPid(string lockPath)
    {
        var content = ReadUnlocked(lockPath, 64);
        if (content is null)
        {
            return null;
        }

        var text = Encoding.ASCII.GetString(content);
        var end = text.IndexOf(' ', StringComparison.Ordinal);
        return int.TryParse(end < 0 ? text : text[..end], NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : null;
    }

    private static byte[]? ReadUnlocked(string path, int maxLength)
    {
        try
        {
            using var handle = OperatingSystem.IsWindows()
                ? File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete)
                : UnixFileLocks.OpenForReadingUnlocked(path);
            var buffer = new byte[maxLength];
            var length = RandomAccess.Read(handle, buffer, 0);
            return buffer[..length];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
