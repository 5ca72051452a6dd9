namespace KubeFleet.StandIn.Data.Catalog;

/// <summary>The verb sets the real API server advertises, in its order.</summary>
public static class KubeVerbs
{
    public static readonly IReadOnlyList<string> All = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];

    /// <summary>Namespaces cannot be deleted as a collection.</summary>
    public static readonly IReadOnlyList<string> AllButDeleteCollection = ["create", "delete", "get", "list", "patch", "update", "watch"];

    /// <summary>What a CustomResourceDefinition's resource advertises (the apiextensions server's own order).</summary>
    public static readonly IReadOnlyList<string> Custom = ["delete", "deletecollection", "get", "list", "patch", "create", "update", "watch"];

    public static readonly IReadOnlyList<string> CreateOnly = ["create"];

    public static readonly IReadOnlyList<string> ReadOnly = ["get", "list"];

    public static readonly IReadOnlyList<string> Status = ["get", "patch", "update"];
}
