namespace KubeFleet.StandIn.Tests.Kubectl;

/// <summary>
/// A fact that drives the real kubectl: reported as skipped, with the reason, when the versioned
/// kubectl it needs is missing — except under CI (<c>CI=true</c>), where it runs and fails.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class KubectlFactAttribute : FactAttribute
{
    public KubectlFactAttribute(int minor = KubectlBinary.DefaultMinor)
    {
        if (!KubectlBinary.IsCi && KubectlBinary.Find(minor) is null)
        {
            Skip = KubectlBinary.MissingReason(minor);
        }
    }
}

/// <summary>The theory counterpart of <see cref="KubectlFactAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class KubectlTheoryAttribute : TheoryAttribute
{
    /// <param name="minors">Every kubectl minor the theory's data uses; any missing one skips it.</param>
    public KubectlTheoryAttribute(params int[] minors)
    {
        var missing = (minors.Length == 0 ? [KubectlBinary.DefaultMinor] : minors).FirstOrDefault(m => KubectlBinary.Find(m) is null);
        if (!KubectlBinary.IsCi && missing != 0)
        {
            Skip = KubectlBinary.MissingReason(missing);
        }
    }
}
