namespace KubeFleet.Bench.Compare.Report;

/// <summary>One of the goals, what was measured against it, and whether it was met.</summary>
internal sealed record GoalCheck(string Goal, string Target, string Measured, bool Met)
{
    public string Verdict => Met ? "met" : "**missed**";
}
