using KubeFleet.Engine.Search;

namespace KubeFleet.Engine.Insight.Relations;

/// <summary>What was found related to one resource, and what could not be looked at.</summary>
/// <param name="Warnings">Lists the credential may not read, or that the cluster does not serve, whose relations are therefore missing.</param>
public sealed record ResourceRelations(ClusterResource Source, IReadOnlyList<RelatedResource<ClusterResource>> Related, IReadOnlyList<string> Warnings);
