namespace KubeFleet.Engine.Tests.Search.Fleet;

internal static class SearchAssert
{
    /// <summary>The search found exactly the expected objects, each once, and reported no failure.</summary>
    public static void FoundExactly(HashSet<ObjectKey> expected, SearchOutcome outcome)
    {
        var found = outcome.Results.Select(ObjectKey.Of).ToList();
        Assert.Equal(found.Count, found.Distinct().Count());
        var missing = expected.Except(found).Take(5).ToList();
        var extra = found.Except(expected).Take(5).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0, $"Missing: {string.Join(", ", missing)}; extra: {string.Join(", ", extra)}");
        Assert.Empty(outcome.Failures);
    }
}
