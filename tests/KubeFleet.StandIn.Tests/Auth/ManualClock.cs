namespace KubeFleet.StandIn.Tests.Auth;

/// <summary>A wall clock the test moves by hand, for expiry; timers and timestamps stay real.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset now = start;

    public override DateTimeOffset GetUtcNow() => now;

    public void Advance(TimeSpan by) => now += by;
}
