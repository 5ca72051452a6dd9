using KubeFleet.Engine.Errors;

namespace KubeFleet.Engine.KubeConfig;

/// <summary>
/// Where a kubeconfig entry was defined: the file (whose folder relative paths in that entry are
/// resolved against, as client-go's <c>ResolveLocalPaths</c> does), or text with an optional folder.
/// </summary>
internal sealed record KubeConfigOrigin(string? FilePath, string? Folder)
{
    public static KubeConfigOrigin FromFile(string fullPath) => new(fullPath, Path.GetDirectoryName(fullPath));

    public static KubeConfigOrigin FromText(string? baseFolder) =>
        new(null, string.IsNullOrEmpty(baseFolder) ? null : Path.GetFullPath(baseFolder));

    /// <summary>Starts a sentence: "The kubeconfig '/home/me/.kube/config'".</summary>
    public string Description => FilePath is null ? "The kubeconfig text" : $"The kubeconfig '{FilePath}'";

    /// <summary>Ends a sentence: "in '/home/me/.kube/config'".</summary>
    public string Where => FilePath is null ? "in the kubeconfig text" : $"in '{FilePath}'";

    /// <summary>The error target: the file, never the text (which may hold secrets).</summary>
    public object Target => FilePath ?? "kubeconfig text";

    /// <summary>
    /// An absolute path for a path written in this kubeconfig. <paramref name="field"/> names what
    /// holds it (for the error), e.g. "client-key of user 'admin'".
    /// </summary>
    public string ResolvePath(string path, string field)
    {
        if (Path.IsPathRooted(path))
        {
            return Path.GetFullPath(path);
        }
        if (Folder is null)
        {
            throw new KubeFleetException(KubeConfigErrorIds.RelativePathWithoutFolder, ErrorKind.InvalidArgument,
                $"The {field} is the relative path '{path}', but the kubeconfig was given as text, so there is no folder to resolve it against. " +
                "Embed the file in the kubeconfig (the *-data fields; 'kubectl config view --raw --flatten' does this), write an absolute path, or say which folder the paths are relative to.",
                Target);
        }
        return Path.GetFullPath(Path.Combine(Folder, path));
    }
}
