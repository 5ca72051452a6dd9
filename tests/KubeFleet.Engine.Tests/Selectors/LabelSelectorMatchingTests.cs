using KubeFleet.Engine.Selectors;

namespace KubeFleet.Engine.Tests.Selectors;

public sealed class LabelSelectorMatchingTests
{
    private static readonly Dictionary<string, string> WebPod = new()
    {
        ["app.kubernetes.io/name"] = "web",
        ["tier"] = "front",
        ["replicas"] = "3",
        ["empty"] = "",
        ["version"] = "v2",
    };

    public static TheoryData<string, bool> Cases => new()
    {
        { "", true },
        { "app.kubernetes.io/name=web", true },
        { "app.kubernetes.io/name==web", true },
        { "app.kubernetes.io/name=api", false },
        { "missing=web", false },
        { "tier!=back", true },
        { "tier!=front", false },
        { "missing!=anything", true },
        { "tier in (front,back)", true },
        { "tier in (back)", false },
        { "missing in (front)", false },
        { "tier notin (back)", true },
        { "tier notin (front)", false },
        { "missing notin (front)", true },
        { "tier", true },
        { "missing", false },
        { "!missing", true },
        { "!tier", false },
        { "empty=", true },
        { "empty", true },
        { "missing=", false },
        { "empty in ()", true },
        { "replicas>2", true },
        { "replicas>3", false },
        { "replicas<4", true },
        { "replicas<3", false },
        { "replicas>0", true },
        { "version>1", false },
        { "version<100", false },
        { "missing<100", false },
        { "tier=front,replicas>2,!canary", true },
        { "tier=front,replicas>5", false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_with_kubernetes_semantics(string text, bool expected)
    {
        var selector = LabelSelector.Parse(text);

        Assert.Equal(expected, selector.Matches(WebPod));
    }

    [Fact]
    public void An_object_without_labels_matches_only_absence_and_negations()
    {
        var none = new Dictionary<string, string>();

        Assert.True(LabelSelector.Parse("!app,app!=web,app notin (web)").Matches(none));
        Assert.False(LabelSelector.Parse("app").Matches(none));
        Assert.False(LabelSelector.Parse("app=").Matches(none));
    }
}
