namespace KubeFleet.Engine.Discovery;

/// <summary>The names close to one that resolved to nothing, to suggest what the user meant.</summary>
internal static class NameSuggestions
{
    private const int MaxSuggestions = 5;

    public static IReadOnlyList<string> Like(string name, IEnumerable<ResourceCatalog> catalogs)
    {
        var typed = name.Trim().ToLowerInvariant();
        var allowed = typed.Length <= 4 ? 1 : 2;
        var distances = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var candidate in catalogs.SelectMany(catalog => catalog.PreferredResources).SelectMany(NamesOf))
        {
            if (distances.ContainsKey(candidate))
            {
                continue;
            }

            var distance = EditDistance(typed, candidate.ToLowerInvariant());
            if (distance <= allowed)
            {
                distances[candidate] = distance;
            }
        }

        return distances
            .OrderBy(entry => entry.Value)
            .ThenBy(entry => entry.Key, StringComparer.OrdinalIgnoreCase)
            .Select(entry => entry.Key)
            .Take(MaxSuggestions)
            .ToList();
    }

    private static IEnumerable<string> NamesOf(ApiResource resource)
    {
        yield return resource.Resource;
        yield return resource.Kind;
        if (resource.Group.Length > 0)
        {
            yield return resource.QualifiedName;
        }

        foreach (var shortName in resource.ShortNames)
        {
            yield return shortName;
        }

        foreach (var category in resource.Categories)
        {
            yield return category;
        }
    }

    /// <summary>Edits (insert, delete, replace, swap two neighbours) that turn one name into the other.</summary>
    private static int EditDistance(string source, string target)
    {
        var twoBack = new int[target.Length + 1];
        var oneBack = new int[target.Length + 1];
        var current = new int[target.Length + 1];
        for (var column = 0; column <= target.Length; column++)
        {
            current[column] = column;
        }

        for (var line = 1; line <= source.Length; line++)
        {
            (twoBack, oneBack, current) = (oneBack, current, twoBack);
            current[0] = line;
            for (var column = 1; column <= target.Length; column++)
            {
                var replace = source[line - 1] == target[column - 1] ? 0 : 1;
                var best = Math.Min(Math.Min(oneBack[column] + 1, current[column - 1] + 1), oneBack[column - 1] + replace);
                if (line > 1 && column > 1 && source[line - 1] == target[column - 2] && source[line - 2] == target[column - 1])
                {
                    best = Math.Min(best, twoBack[column - 2] + 1);
                }

                current[column] = best;
            }
        }

        return current[target.Length];
    }
}
