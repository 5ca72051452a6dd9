namespace KubeFleet.BuildTools.Metadata;

/// <summary>
/// Picks the parameter set PowerShell would run, from what the user bound: the sets that hold every
/// bound parameter; among several, those whose mandatory parameters are all bound; among several
/// still, the default set; otherwise the binding is ambiguous.
/// </summary>
public static class ParameterSetResolver
{
    /// <param name="boundIn">
    /// The parameters bound when the command runs in a given set, or null when the arguments cannot
    /// bind in that set at all (positional arguments can land on different parameters per set).
    /// </param>
    public static ParameterSetResolution Resolve(CommandModel command, Func<string, IReadOnlySet<string>?> boundIn)
    {
        var candidates = command.ParameterSetNames
            .Where(set => boundIn(set) is { } bound && bound.All(name => command.FindParameter(name)?.In(set) is not null))
            .ToList();
        if (candidates.Count == 0)
        {
            return new(null, candidates, "no parameter set holds all of the given parameters together");
        }

        var satisfied = candidates.Where(set => MissingMandatory(command, set, boundIn(set)!).Count == 0).ToList();
        var pool = satisfied.Count > 0 ? satisfied : candidates;
        if (pool.Count == 1)
        {
            return new(pool[0], candidates, null);
        }

        var fallback = pool.FirstOrDefault(set => string.Equals(set, command.DefaultParameterSetName, StringComparison.OrdinalIgnoreCase));
        return fallback is not null
            ? new(fallback, candidates, null)
            : new(null, candidates, $"the given parameters fit parameter sets {string.Join(", ", pool)} alike");
    }

    public static ParameterSetResolution Resolve(CommandModel command, IReadOnlySet<string> bound) =>
        Resolve(command, _ => bound);

    public static IReadOnlyList<string> MissingMandatory(CommandModel command, string setName, IReadOnlySet<string> bound) =>
        command.MandatoryIn(setName).Where(p => !bound.Any(p.Answers)).Select(p => p.Name).ToList();
}

/// <summary>The set PowerShell would pick (null when none), the sets that were possible, and why none was picked.</summary>
public sealed record ParameterSetResolution(string? SetName, IReadOnlyList<string> Candidates, string? Problem);
