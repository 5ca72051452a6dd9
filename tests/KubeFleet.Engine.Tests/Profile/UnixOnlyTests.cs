namespace KubeFleet.Engine.Tests.Profile;

/// <summary>A fact about Unix file modes, locks or processes, skipped on Windows.</summary>
public sealed class UnixFactAttribute : FactAttribute
{
    public UnixFactAttribute()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = UnixOnly.Reason;
        }
    }
}

/// <summary>A theory about Unix file modes, locks or processes, skipped on Windows.</summary>
public sealed class UnixTheoryAttribute : TheoryAttribute
{
    public UnixTheoryAttribute()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = UnixOnly.Reason;
        }
    }
}

internal static class UnixOnly
{
    public const string Reason = "Unix file modes, umask, flock and setpriv do not exist on Windows.";
}
