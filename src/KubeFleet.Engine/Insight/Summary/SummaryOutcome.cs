using KubeFleet.Engine.Errors;

namespace KubeFleet.Engine.Insight.Summary;

/// <summary>How one cluster's summary ended: the summary, or the error that prevented it.</summary>
public sealed record SummaryOutcome(string Cluster, ClusterSummary? Summary, KubeFleetException? Error);
