using KubeFleet.Engine.Errors;

namespace KubeFleet.Engine.KubeConfig;

/// <summary>Loads kubeconfigs from files (merged in KUBECONFIG order) or from text.</summary>
public static class KubeConfigLoader
{
    /// <summary>
    /// Loads and merges the files in order (see <see cref="LoadedKubeConfig"/> for the merge rules).
    /// As kubectl does with KUBECONFIG, files that do not exist are skipped with a warning, unless
    /// none exists. Relative paths inside each file are resolved against that file's folder.
    /// </summary>
    public static LoadedKubeConfig LoadFiles(IReadOnlyList<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var fullPaths = paths.Where(path => !string.IsNullOrWhiteSpace(path)).Select(Path.GetFullPath).Distinct(PathComparer).ToList();
        if (fullPaths.Count == 0)
        {
            throw new ArgumentException("At least one kubeconfig path is needed.", nameof(paths));
        }
        var contents = new List<KubeConfigContent>();
        var loaded = new List<string>();
        var missing = new List<string>();
        foreach (var path in fullPaths)
        {
            if (!File.Exists(path) && !Directory.Exists(path))
            {
                missing.Add(path);
                continue;
            }
            var origin = KubeConfigOrigin.FromFile(path);
            contents.Add(KubeConfigContentParser.Parse(KubeConfigText.Decode(ReadKubeConfigFile(path, origin), origin), origin));
            loaded.Add(path);
        }
        if (loaded.Count == 0)
        {
            throw new KubeFleetException(KubeConfigErrorIds.FileNotFound, ErrorKind.ObjectNotFound,
                missing.Count == 1
                    ? $"The kubeconfig '{missing[0]}' does not exist. Check the path, or pass the kubeconfig's text instead."
                    : $"None of the kubeconfigs exists: {string.Join(", ", missing.Select(path => $"'{path}'"))}. Check the paths (and KUBECONFIG).",
                missing.Count == 1 ? missing[0] : missing);
        }
        var warnings = missing.Select(path => $"The kubeconfig '{path}' does not exist and was skipped, as kubectl skips it.").ToList();
        return new LoadedKubeConfig(contents, loaded, warnings);
    }

    /// <summary>
    /// Loads a kubeconfig from text (runbooks keep them in variables and secret stores). Relative
    /// file paths in it are resolved against <paramref name="baseFolder"/>; without one, they are
    /// refused when a context that uses them is resolved.
    /// </summary>
    public static LoadedKubeConfig LoadText(string text, string? baseFolder = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var origin = KubeConfigOrigin.FromText(baseFolder);
        return new LoadedKubeConfig([KubeConfigContentParser.Parse(KubeConfigText.CheckText(text, origin), origin)], [], []);
    }

    /// <summary>
    /// The files kubectl would read: each entry of <paramref name="kubeconfigVariable"/> (KUBECONFIG,
    /// split on the platform's path list separator), or <c>~/.kube/config</c> when it is unset or empty.
    /// </summary>
    public static IReadOnlyList<string> DefaultPaths(string? kubeconfigVariable, string homeFolder)
    {
        var listed = (kubeconfigVariable ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return listed.Length > 0 ? listed.Distinct(PathComparer).ToList() : [Path.Combine(homeFolder, ".kube", "config")];
    }

    /// <summary><see cref="DefaultPaths(string?, string)"/> for this process's environment.</summary>
    public static IReadOnlyList<string> DefaultPaths() =>
        DefaultPaths(Environment.GetEnvironmentVariable("KUBECONFIG"), Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));

    private static StringComparer PathComparer => OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    private static byte[] ReadKubeConfigFile(string path, KubeConfigOrigin origin)
    {
        try
        {
            return BoundedFile.TryReadAtMost(path, KubeConfigLimits.MaxKubeConfigBytes) ?? throw KubeConfigText.TooLarge(origin);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new KubeFleetException(KubeConfigErrorIds.FileUnreadable, ErrorKind.ReadError,
                $"The kubeconfig '{path}' cannot be read: {e.Message} Check the path and its permissions.",
                path, e);
        }
    }
}
