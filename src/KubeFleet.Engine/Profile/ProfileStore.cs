using System.Collections.Concurrent;
using System.Diagnostics;

namespace KubeFleet.Engine.Profile;

/// <summary>
/// Reads and changes one profile file. Reads take no lock and see a whole profile even while
/// another process replaces it. Every change is a read-modify-write under an in-process lock and
/// a cross-process lock file, written to a new file that is flushed and then renamed over the
/// profile, the previous version kept as &lt;profile&gt;.bak.
/// </summary>
public sealed class ProfileStore
{
    public static readonly TimeSpan DefaultLockTimeout = TimeSpan.FromSeconds(30);

    // Threads (runspaces) of one process queue here instead of polling the lock file.
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> InProcessLocks = new(StringComparer.Ordinal);

    private readonly IProfileEnvironment environment;
    private readonly TimeSpan lockTimeout;

    /// <param name="lockTimeout">How long a change waits for another to finish before ProfileLocked.</param>
    public ProfileStore(ProfileLocation location, IProfileEnvironment environment, TimeSpan? lockTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(environment);
        Location = location;
        this.environment = environment;
        this.lockTimeout = lockTimeout ?? DefaultLockTimeout;
    }

    public ProfileLocation Location { get; }

    /// <summary>The key file that seals this profile's secrets when KUBEFLEET_PROFILE_KEY is not set.</summary>
    public string KeyFilePath => ProfileFiles.Of(Location.Path).KeyFilePath;

    /// <summary>
    /// The profile as it is now; an empty one when the file does not exist yet. Secrets stay sealed
    /// until <see cref="ClusterRecord.GetAccess"/> asks for them, so this works without the key.
    /// Changes to the document are not saved: use <see cref="Update{T}"/>.
    /// </summary>
    /// <exception cref="Errors.KubeFleetException">ProfileCorrupt, ProfileFromNewerVersion, ProfileReadFailed.</exception>
    public ProfileDocument Read() => ReadDocument(ProfileFiles.Of(Location.Path)).Document;

    /// <summary>
    /// Applies <paramref name="change"/> to the current profile and saves the result, with no other
    /// change in between. If <paramref name="change"/> throws, nothing is written.
    /// </summary>
    /// <exception cref="Errors.KubeFleetException">
    /// ProfileLocked, ProfileLockUnsupported, ProfileWriteFailed, ProfileFromNewerVersion, ProfileCorrupt,
    /// ProfileReadFailed, or a key error when a new secret must be sealed.
    /// </exception>
    public T Update<T>(Func<ProfileDocument, T> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var files = ProfileFiles.Of(Location.Path);
        try
        {
            OwnerOnlyFiles.EnsureFolder(files.Folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw ProfileErrors.WriteFailed(files.ProfilePath, e);
        }

        var waited = Stopwatch.StartNew();
        var inProcessLock = InProcessLocks.GetOrAdd(files.ProfilePath, _ => new SemaphoreSlim(1, 1));
        if (!inProcessLock.Wait(lockTimeout))
        {
            throw ProfileErrors.Locked(files.ProfilePath, files.LockPath, waited.Elapsed, Environment.ProcessId);
        }

        try
        {
            var remaining = lockTimeout - waited.Elapsed;
            using var fileLock = ProfileFileLock.Acquire(files, remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero);
            foreach (var leftover in files.LeftoverTempFiles())
            {
                AtomicFile.DeleteQuietly(leftover);
            }

            var (document, content) = ReadDocument(files);
            if (document.IsFromNewerVersion)
            {
                throw ProfileErrors.FromNewerVersion(files, document.SchemaVersion, "this version can read it but will not change it");
            }

            var result = change(document);
            Save(files, document, content);
            return result;
        }
        finally
        {
            inProcessLock.Release();
        }
    }

    /// <inheritdoc cref="Update{T}"/>
    public void Update(Action<ProfileDocument> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        Update(document =>
        {
            change(document);
            return true;
        });
    }

    private static void Save(ProfileFiles files, ProfileDocument document, byte[]? previousContent)
    {
        var content = ProfileJson.Write(document);
        var unchanged = previousContent is null ? document.IsEmpty : content.AsSpan().SequenceEqual(previousContent);
        try
        {
            if (!unchanged)
            {
                AtomicFile.Replace(files.ProfilePath, files.BackupPath, content);
            }

            foreach (var path in new[] { files.ProfilePath, files.BackupPath, files.KeyFilePath })
            {
                if (File.Exists(path))
                {
                    OwnerOnlyFiles.Tighten(path);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw ProfileErrors.WriteFailed(files.ProfilePath, e);
        }
    }

    private (ProfileDocument Document, byte[]? Content) ReadDocument(ProfileFiles files)
    {
        var keySource = new ProfileKeySource(environment, files.KeyFilePath);
        var content = ReadContent(files);
        return content is null
            ? (ProfileDocument.CreateNew(keySource), null)
            : (ProfileJson.Read(content, files, keySource), content);
    }

    /// <returns>The file's bytes, or null when there is no profile yet.</returns>
    private static byte[]? ReadContent(ProfileFiles files)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                // FileShare.Delete lets a writer replace the file while it is being read.
                using var stream = new FileStream(files.ProfilePath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                var content = new byte[stream.Length];
                stream.ReadExactly(content);
                return content;
            }
            catch (Exception e) when (IsMidReplaceOnWindows(e, files) && attempt < 10)
            {
                Thread.Sleep(20);
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
            {
                return null;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw ProfileErrors.ReadFailed(files.ProfilePath, e);
            }
        }
    }

    // Windows' ReplaceFile is not one rename: for a moment the profile may be missing or in use. A
    // writer holds the lock file throughout, so that is when a brief retry is worth it.
    private static bool IsMidReplaceOnWindows(Exception e, ProfileFiles files) =>
        OperatingSystem.IsWindows() && e is IOException && File.Exists(files.LockPath);
}
