namespace KubeFleet.Engine.Search;

/// <summary>The stable ids of the failures only a search reports (cluster failures use the connection's ids).</summary>
public static class SearchErrorIds
{
    /// <summary>No cluster serves a resource type by the name given.</summary>
    public const string ResourceTypeUnknown = "ResourceTypeUnknown";

    /// <summary>A search parameter is out of range or empty.</summary>
    public const string SearchRequestInvalid = "SearchRequestInvalid";

    /// <summary>A pattern given for namespaces or names is not a valid wildcard pattern.</summary>
    public const string WildcardPatternInvalid = "WildcardPatternInvalid";
}
