using KubeFleet.Engine.Errors;

namespace KubeFleet.Engine.Profile;

/// <summary>
/// Every failure the profile reports, each with its stable id. Messages name the file or key
/// involved and say what to do; none ever carries a secret or a key.
/// </summary>
internal static class ProfileErrors
{
    private const string KeyHowTo =
        "make one with: [Convert]::ToBase64String([Security.Cryptography.RandomNumberGenerator]::GetBytes(32)) " +
        "(PowerShell) or: openssl rand -base64 32";

    public static KubeFleetException PathInvalid(string path, string problem, Exception? inner = null) => new(
        "ProfilePathInvalid",
        ErrorKind.InvalidArgument,
        $"The profile path '{path}' {problem}. Give the path of the profile file, for example " +
        $"'{Path.Combine("folder", "profile.json")}', with -ProfilePath or {ProfileLocation.PathVariable}.",
        path,
        inner);

    public static KubeFleetException PathUnavailable(string folderDescription) => new(
        "ProfilePathUnavailable",
        ErrorKind.InvalidOperation,
        $"KubeFleet cannot find a default place for the profile: {folderDescription}. " +
        $"Set {ProfileLocation.PathVariable} to the profile file's path, or pass -ProfilePath.",
        ProfileLocation.PathVariable);

    public static KubeFleetException Corrupt(ProfileFiles files, string problem, Exception? inner = null) => new(
        "ProfileCorrupt",
        ErrorKind.InvalidData,
        $"The profile {files.ProfilePath} cannot be read: {problem}. KubeFleet left it untouched and will not " +
        $"write over it. {BackupAdvice(files)}",
        files.ProfilePath,
        inner);

    public static KubeFleetException FromNewerVersion(ProfileFiles files, int schemaVersion, string problem) => new(
        "ProfileFromNewerVersion",
        ErrorKind.InvalidOperation,
        $"The profile {files.ProfilePath} has schemaVersion {schemaVersion}, written by a newer KubeFleet than this " +
        $"one (which writes schemaVersion {ProfileDocument.CurrentSchemaVersion}); {problem}. KubeFleet left it " +
        "untouched. Update the KubeFleet module, or use another profile with -ProfilePath.",
        files.ProfilePath);

    public static KubeFleetException ReadFailed(string path, Exception inner) => new(
        "ProfileReadFailed",
        ErrorKind.ReadError,
        $"The profile {path} could not be read: {inner.Message} Check that it is a file you may read, " +
        "or choose another profile with -ProfilePath.",
        path,
        inner);

    public static KubeFleetException WriteFailed(string path, Exception inner) => new(
        "ProfileWriteFailed",
        ErrorKind.WriteError,
        $"KubeFleet could not write {path}: {inner.Message} The profile was left as it was. Check that the folder " +
        $"{Path.GetDirectoryName(path)} is yours, is writable and has free space, then try again.",
        path,
        inner);

    public static KubeFleetException Locked(string profilePath, string lockPath, TimeSpan waited, int? holderPid)
    {
        var holder = holderPid switch
        {
            null => "another process (its id could not be read)",
            var pid when pid == Environment.ProcessId => $"this process ({pid}), in another runspace or thread",
            var pid => $"process {pid}{ProcessNameSuffix(pid.Value)}",
        };
        return new KubeFleetException(
            "ProfileLocked",
            ErrorKind.ResourceUnavailable,
            $"The profile {profilePath} is being changed by {holder}: KubeFleet waited {waited.TotalSeconds:0.#} s for " +
            $"its lock {lockPath}. Wait for that change to finish and try again; if that process hangs, end it (its " +
            "lock goes with it).",
            profilePath);
    }

    public static KubeFleetException LockUnsupported(string lockPath, Exception inner) => new(
        "ProfileLockUnsupported",
        ErrorKind.InvalidOperation,
        $"KubeFleet cannot lock {lockPath}: the file system refuses file locks ({inner.Message}). Without a lock, " +
        "concurrent changes could be lost, so nothing was written. Keep the profile on a local disk " +
        $"(-ProfilePath or {ProfileLocation.PathVariable}).",
        lockPath,
        inner);

    public static KubeFleetException KeyMissing(string clusterName, ProfileKeySource source) => new(
        "ProfileKeyMissing",
        ErrorKind.ObjectNotFound,
        $"The credentials of cluster '{clusterName}' are sealed with a profile key that is not here: " +
        $"{ProfileKeySource.KeyVariable} is not set and the key file {source.KeyFilePath} does not exist. Restore " +
        $"that key file, or set {ProfileKeySource.KeyVariable} to the key this profile was sealed with. Without " +
        "the key, the sealed credentials cannot be recovered: register them again in a new profile.",
        clusterName);

    public static KubeFleetException KeyVariableInvalid() => new(
        "ProfileKeyInvalid",
        ErrorKind.InvalidData,
        $"{ProfileKeySource.KeyVariable} is set but is not a profile key: it must be the base64 text of exactly 32 " +
        $"random bytes. Set it to the key the profile was sealed with, or, for a new profile, {KeyHowTo}.",
        ProfileKeySource.KeyVariable);

    public static KubeFleetException KeyFileInvalid(string keyFilePath, string problem, Exception? inner = null) => new(
        "ProfileKeyInvalid",
        ErrorKind.InvalidData,
        $"The profile key file {keyFilePath} cannot be used: {problem}. Restore it from a backup, or set " +
        $"{ProfileKeySource.KeyVariable} to the key this profile was sealed with.",
        keyFilePath,
        inner);

    public static KubeFleetException KeyMismatch(string target, ProfileKey key) => new(
        "ProfileKeyMismatch",
        ErrorKind.SecurityError,
        $"The profile key from {key.Origin} does not open this profile: its credentials were sealed with another " +
        $"key. Use the key it was sealed with (unset {ProfileKeySource.KeyVariable} to use the key file beside the " +
        "profile, or set it to the right key), or use another profile with -ProfilePath. Nothing was changed.",
        target);

    public static KubeFleetException SecretTampered(string clusterName, string field, Exception? inner = null) => new(
        "ProfileSecretTampered",
        ErrorKind.SecurityError,
        $"The sealed {field} of cluster '{clusterName}' failed its integrity check: it, or the connection settings " +
        "it is bound to, was changed outside KubeFleet, or moved from another cluster or profile. KubeFleet will not " +
        "use it. Supply that cluster's credentials again, or restore the profile from its backup.",
        clusterName,
        inner);

    public static KubeFleetException ClusterNameInvalid(string name, string problem) => new(
        "ClusterNameInvalid",
        ErrorKind.InvalidArgument,
        $"'{name}' cannot be a cluster name: it {problem}. Choose a name of visible characters.",
        name);

    public static KubeFleetException ClusterNameTaken(string name, string existingName) => new(
        "ClusterNameTaken",
        ErrorKind.ResourceExists,
        $"The profile already has a cluster named '{existingName}' (names are unique regardless of case). Choose " +
        $"another name for '{name}', or unregister '{existingName}' first.",
        name);

    private static string BackupAdvice(ProfileFiles files) => File.Exists(files.BackupPath)
        ? $"Its previous version is kept in {files.BackupPath}: inspect it and copy it over the profile to go back to it."
        : $"There is no previous version ({files.BackupPath} does not exist): repair the file, or move it away to start " +
          "a new profile.";

    private static string ProcessNameSuffix(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return $" ({process.ProcessName})";
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return "";
        }
    }
}
