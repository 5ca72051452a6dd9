using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using Microsoft.Win32.SafeHandles;

namespace KubeFleet.Engine.Profile;

/// <summary>
/// The two things .NET's file API cannot do on Unix. It takes flock(2) only as a side effect of
/// FileShare, and not at all when DOTNET_SYSTEM_IO_DISABLEFILELOCKING is set; and every file it
/// opens gets a flock too, so it cannot read a file another process holds locked.
/// </summary>
[UnsupportedOSPlatform("windows")]
internal static class UnixFileLocks
{
    private const int LockExclusive = 2;
    private const int LockNonBlocking = 4;
    private const int OpenReadOnly = 0;

    /// <summary>Takes an exclusive flock on the open file without waiting; false when another holds it.</summary>
    /// <exception cref="IOException">The file system does not support locks.</exception>
    public static bool TryLockExclusive(SafeFileHandle handle)
    {
        if (flock((int)handle.DangerousGetHandle(), LockExclusive | LockNonBlocking) == 0)
        {
            return true;
        }

        var errno = Marshal.GetLastPInvokeError();
        if (IsWouldBlock(errno))
        {
            return false;
        }

        throw new IOException(Marshal.GetPInvokeErrorMessage(errno), errno);
    }

    /// <summary>Opens a file for reading without taking any lock on it.</summary>
    /// <exception cref="IOException">It cannot be opened (it may not exist).</exception>
    public static SafeFileHandle OpenForReadingUnlocked(string path)
    {
        var fd = open(path, OpenReadOnly);
        if (fd < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw new IOException(Marshal.GetPInvokeErrorMessage(errno), errno);
        }

        return new SafeFileHandle((IntPtr)fd, ownsHandle: true);
    }

    /// <summary>Whether an IOException from opening a file means another process holds its lock.</summary>
    public static bool IsLockedByAnother(IOException e) => IsWouldBlock(e.HResult);

    // EWOULDBLOCK is 11 on Linux and 35 on macOS and the BSDs.
    private static bool IsWouldBlock(int errno) => errno == (OperatingSystem.IsLinux() ? 11 : 35);

    [DllImport("libc", SetLastError = true)]
    private static extern int flock(int fd, int operation);

    [DllImport("libc", SetLastError = true)]
    private static extern int open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);
}
