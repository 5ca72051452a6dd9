using KubeFleet.Engine.Errors;
using KubeFleet.Engine.Registry;

namespace KubeFleet.Engine.Tests.Registry;

public sealed class ClusterLabelTests
{
    [Fact]
    public void KubernetesLabelsAreAcceptedAndOrderedByKey()
    {
        var labels = ClusterLabels.Checked(new Dictionary<string, string>
        {
            ["team"] = "web",
            ["example.com/tier"] = "gold",
            ["env"] = "",
        });

        Assert.Equal(["env", "example.com/tier", "team"], labels.Keys);
        Assert.Equal("", labels["env"]);
    }

    [Theory]
    [InlineData("bad key", "x", "the key 'bad key' is not a valid label key")]
    [InlineData("", "x", "the key '' is not a valid label key")]
    [InlineData("Example.com/team", "x", "prefix part a lowercase RFC 1123 subdomain")]
    [InlineData("owner", "Jane Doe", "the value 'Jane Doe' of label 'owner' is not a valid label value")]
    [InlineData("env", "-prod", "the value '-prod' of label 'env'")]
    public void ABadKeyOrValueIsRefusedWithKubernetesExplanation(string key, string value, string problem)
    {
        var failure = Assert.Throws<KubeFleetException>(() => ClusterLabels.Checked(new Dictionary<string, string> { [key] = value }));

        Assert.Equal(RegistryErrorIds.LabelInvalid, failure.ErrorId);
        Assert.Equal(ErrorKind.InvalidArgument, failure.Kind);
        Assert.Contains(problem, failure.Message);
    }

    [Fact]
    public void AValueLongerThan63CharactersIsRefused()
    {
        var failure = Assert.Throws<KubeFleetException>(() => ClusterLabels.Checked(new Dictionary<string, string> { ["env"] = new string('a', 64) }));

        Assert.Contains("must be no more than 63 characters", failure.Message);
    }
}
