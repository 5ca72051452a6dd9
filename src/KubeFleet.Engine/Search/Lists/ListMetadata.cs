namespace KubeFleet.Engine.Search.Lists;

/// <summary>A list's <c>metadata</c>: the revision it was read at and, when more pages follow, how to ask for them.</summary>
internal sealed record ListMetadata(string? ResourceVersion, string? Continue, long? RemainingItemCount)
{
    public static readonly ListMetadata None = new(null, null, null);
}
