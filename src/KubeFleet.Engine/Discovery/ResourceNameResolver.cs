using System.Diagnostics.CodeAnalysis;

namespace KubeFleet.Engine.Discovery;

/// <summary>
/// Turns the names users type into resources the way kubectl's RESTMapper, shortcut expander and
/// category expander do, so that a name means on every cluster what kubectl would make of it there.
/// </summary>
internal static class ResourceNameResolver
{
    private static readonly StringComparer IgnoreCase = StringComparer.OrdinalIgnoreCase;

    public static bool TryResolve(ResourceCatalog catalog, string name, [NotNullWhen(true)] out IReadOnlyList<ApiResource>? resources)
    {
        name = name.Trim();
        resources = null;
        if (name.Length == 0)
        {
            return false;
        }

        // kubectl expands categories before anything else.
        var category = catalog.PreferredResources.Where(resource => resource.Categories.Contains(name, IgnoreCase)).ToList();
        if (category.Count > 0)
        {
            resources = category;
            return true;
        }

        foreach (var (resourceName, group, version) in Readings(name))
        {
            var candidates = version is null
                ? catalog.PreferredResources.Where(resource => group is null || IgnoreCase.Equals(resource.Group, group))
                : catalog.Resources.Where(resource => IgnoreCase.Equals(resource.Group, group) && IgnoreCase.Equals(resource.Version, version));
            if (Match(candidates.ToList(), resourceName) is { } match)
            {
                resources = [match];
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The ways kubectl reads a name (<c>ParseResourceArg</c>): <c>a.b.c</c> is first resource
    /// <c>a</c> in version <c>b</c> of group <c>c</c>, then resource <c>a</c> of group <c>b.c</c>;
    /// a name without dots has no group.
    /// </summary>
    private static IEnumerable<(string Name, string? Group, string? Version)> Readings(string name)
    {
        var parts = name.Split('.', 3);
        if (parts.Length == 3)
        {
            yield return (parts[0], parts[2], parts[1]);
        }

        var dot = name.IndexOf('.', StringComparison.Ordinal);
        yield return dot < 0 ? (name, null, null) : (name[..dot], name[(dot + 1)..], null);
    }

    /// <summary>
    /// A full name (plural, singular or kind) wins over any short name, as in client-go's shortcut
    /// expander, so one resource's abbreviation never hides another's real name; among equals the
    /// first in discovery order wins, as kubectl's priority mapper has it.
    /// </summary>
    private static ApiResource? Match(List<ApiResource> candidates, string name) =>
        candidates.FirstOrDefault(resource =>
            IgnoreCase.Equals(resource.Resource, name) || IgnoreCase.Equals(resource.SingularName, name) || IgnoreCase.Equals(resource.Kind, name))
        ?? candidates.FirstOrDefault(resource => resource.ShortNames.Contains(name, IgnoreCase));
}
