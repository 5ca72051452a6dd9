using KubeFleet.Engine.Errors;
using KubeFleet.Engine.Profile;
using KubeFleet.Engine.Registry.Verification;

namespace KubeFleet.Engine.Registry;

/// <summary>
/// One cluster's check: its health, or the error that kept it from being checked at all (its sealed
/// credential could not be opened: a missing or wrong profile key, a tampered secret).
/// </summary>
public sealed record HealthCheckOutcome(ClusterRecord Cluster, ClusterHealth? Health, KubeFleetException? Error);
