using System.Text;
using KubeFleet.Engine.Errors;

namespace KubeFleet.Engine.KubeConfig;

/// <summary>
/// The content behind a kubeconfig's file and <c>*-data</c> field pairs (certificate authority,
/// client certificate, client key) and its token file. Read once, when a context is resolved, so
/// that what the profile keeps never depends on files that may later change or point elsewhere.
/// </summary>
internal static class ReferencedContent
{
    /// <summary>
    /// The content as text, from <paramref name="data"/> (base64) or from <paramref name="file"/>;
    /// null when neither is set. <paramref name="field"/> is the file field's name, e.g.
    /// <c>client-key</c>; <paramref name="owner"/> says whose it is, e.g. "user 'admin'".
    /// </summary>
    public static string? Read(string? file, string? data, string field, string owner, KubeConfigOrigin origin)
    {
        if (file is not null && data is not null)
        {
            throw new KubeFleetException(KubeConfigErrorIds.ConflictingFields, ErrorKind.InvalidData,
                $"The {owner} {origin.Where} sets both {field} and {field}-data, so it is unclear which to use. Keep one of them.",
                origin.Target);
        }
        if (data is not null)
        {
            return Encoding.UTF8.GetString(DecodeBase64(data, $"{field}-data", owner, origin));
        }
        return file is null ? null : ReadFile(file, field, owner, origin);
    }

    /// <summary>A file named by a kubeconfig field, as text; relative paths as client-go resolves them.</summary>
    public static string ReadFile(string file, string field, string owner, KubeConfigOrigin origin)
    {
        var path = origin.ResolvePath(file, $"{field} of the {owner}");
        byte[]? bytes;
        try
        {
            bytes = BoundedFile.TryReadAtMost(path, KubeConfigLimits.MaxReferencedFileBytes);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new KubeFleetException(KubeConfigErrorIds.ReferencedFileNotFound, ErrorKind.ObjectNotFound,
                $"The {field} file '{path}' of the {owner} {origin.Where} does not exist. Fix the path, or embed the content with {field}-data.",
                path, e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new KubeFleetException(KubeConfigErrorIds.ReferencedFileUnreadable, ErrorKind.ReadError,
                $"The {field} file '{path}' of the {owner} {origin.Where} cannot be read: {e.Message} Check the path and its permissions.",
                path, e);
        }
        if (bytes is null)
        {
            throw new KubeFleetException(KubeConfigErrorIds.ReferencedFileTooLarge, ErrorKind.LimitsExceeded,
                $"The {field} file '{path}' of the {owner} {origin.Where} is larger than {KubeConfigLimits.MaxReferencedFileBytes / 1024} KiB, which no certificate, key or token is. Check that the path names the right file.",
                path);
        }
        // Notepad and Windows PowerShell 5.1 start UTF-8 files with a byte order mark.
        return bytes is [0xEF, 0xBB, 0xBF, ..] ? Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3) : Encoding.UTF8.GetString(bytes);
    }

    private static byte[] DecodeBase64(string data, string field, string owner, KubeConfigOrigin origin)
    {
        try
        {
            return Convert.FromBase64String(data);
        }
        catch (FormatException e)
        {
            // The value is never quoted: client-key-data is a secret.
            throw new KubeFleetException(KubeConfigErrorIds.InvalidBase64, ErrorKind.InvalidData,
                $"The {field} of the {owner} {origin.Where} is not valid base64. The *-data fields hold the base64 of the PEM file (not the PEM text itself): encode it, or let 'kubectl config set-cluster --embed-certs' / 'set-credentials --embed-certs' write it.",
                origin.Target, e);
        }
    }
}
