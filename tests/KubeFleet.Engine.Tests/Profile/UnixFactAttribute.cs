namespace KubeFleet.Engine.Tests.Profile;

/// <summary>A fact about Unix file modes, locks or processes, skipped on Windows.</summary>
public sealed class UnixFactAttribute : FactAttribute
{
    public UnixFactAttribute()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = "Unix file modes, umask and flock do not exist on Windows.";
        }
    }
}
