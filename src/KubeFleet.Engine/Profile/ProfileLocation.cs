namespace KubeFleet.Engine.Profile;

/// <summary>Where a profile's path came from, so messages can say which setting to change.</summary>
public enum ProfileLocationSource
{
    /// <summary>Given explicitly (the cmdlets' -ProfilePath).</summary>
    Explicit,

    /// <summary>From the KUBEFLEET_PROFILE environment variable.</summary>
    EnvironmentVariable,

    /// <summary>The per-user default.</summary>
    Default,
}

/// <summary>
/// The profile file a command works on: an explicit path first, then KUBEFLEET_PROFILE, then the
/// per-user default (%APPDATA%\KubeFleet\profile.json on Windows; $XDG_CONFIG_HOME/kubefleet or
/// ~/.config/kubefleet/profile.json elsewhere).
/// </summary>
public sealed class ProfileLocation
{
    public const string PathVariable = "KUBEFLEET_PROFILE";

    public const string FileName = "profile.json";

    private ProfileLocation(string path, ProfileLocationSource source)
    {
        Path = path;
        Source = source;
    }

    /// <summary>The profile file's full path. It may not exist yet: the first write creates it.</summary>
    public string Path { get; }

    public ProfileLocationSource Source { get; }

    /// <param name="explicitPath">A path the user gave (already resolved against their current location), or null.</param>
    public static ProfileLocation Resolve(string? explicitPath, IProfileEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (explicitPath is not null)
        {
            return new ProfileLocation(ValidFilePath(explicitPath), ProfileLocationSource.Explicit);
        }

        var fromVariable = environment.GetVariable(PathVariable);
        if (!string.IsNullOrEmpty(fromVariable))
        {
            return new ProfileLocation(ValidFilePath(fromVariable), ProfileLocationSource.EnvironmentVariable);
        }

        return new ProfileLocation(DefaultPath(environment), ProfileLocationSource.Default);
    }

    public override string ToString() => Path;

    private static string DefaultPath(IProfileEnvironment environment)
    {
        if (environment.IsWindows)
        {
            var appData = environment.GetFolderPath(Environment.SpecialFolder.ApplicationData);
            if (string.IsNullOrEmpty(appData))
            {
                throw ProfileErrors.PathUnavailable("the user has no application data folder (%APPDATA%)");
            }

            return System.IO.Path.Combine(appData, "KubeFleet", FileName);
        }

        // The XDG base directory spec says a relative XDG_CONFIG_HOME is invalid and must be ignored.
        var configHome = environment.GetVariable("XDG_CONFIG_HOME");
        if (string.IsNullOrEmpty(configHome) || !System.IO.Path.IsPathRooted(configHome))
        {
            var home = environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            if (string.IsNullOrEmpty(home))
            {
                throw ProfileErrors.PathUnavailable("neither XDG_CONFIG_HOME nor HOME is set");
            }

            configHome = System.IO.Path.Combine(home, ".config");
        }

        return System.IO.Path.Combine(configHome, "kubefleet", FileName);
    }

    private static string ValidFilePath(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw ProfileErrors.PathInvalid(path, "is empty");
        }

        if (System.IO.Path.EndsInDirectorySeparator(path))
        {
            throw ProfileErrors.PathInvalid(path, "names a folder, not a file");
        }

        string fullPath;
        try
        {
            fullPath = System.IO.Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw ProfileErrors.PathInvalid(path, "is not a valid path", e);
        }

        if (Directory.Exists(fullPath))
        {
            throw ProfileErrors.PathInvalid(path, "names a folder, not a file");
        }

        return fullPath;
    }
}
