namespace KubeFleet.StandIn.Tests.Kubectl;

/// <summary>The fixture's promise: a missing kubectl skips with the reason, except under CI, where it fails.</summary>
public sealed class KubectlBinaryTests
{
    private const int NoSuchMinor = 99;

    [Fact]
    public void MissingBinaryIsReportedByName()
    {
        Assert.Null(KubectlBinary.Find(NoSuchMinor));
        Assert.Contains($"kubectl.1.{NoSuchMinor}", KubectlBinary.MissingReason(NoSuchMinor), StringComparison.Ordinal);
        var failure = Assert.Throws<InvalidOperationException>(() => KubectlBinary.ForMinor(NoSuchMinor));
        Assert.Equal(KubectlBinary.MissingReason(NoSuchMinor), failure.Message);
    }

    [Fact]
    public void TestsNeedingAMissingBinarySkipOutsideCiAndRunUnderCi()
    {
        var fact = new KubectlFactAttribute(NoSuchMinor);
        var theory = new KubectlTheoryAttribute(KubectlBinary.DefaultMinor, NoSuchMinor);

        var expected = KubectlBinary.IsCi ? null : KubectlBinary.MissingReason(NoSuchMinor);
        Assert.Equal(expected, fact.Skip);
        Assert.Equal(expected, theory.Skip);
    }
}
