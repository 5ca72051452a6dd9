using KubeFleet.Engine.Connections;
using KubeFleet.Engine.Errors;
using KubeFleet.Engine.Profile;
using KubeFleet.Engine.Registry.Verification;

namespace KubeFleet.Engine.Registry;

/// <summary>
/// Checks many registered clusters at once, each within its own time limit, and hands each
/// outcome over as soon as it is known, so a slow or dead cluster delays nobody else's result.
/// </summary>
public sealed class FleetHealthCheck
{
    /// <summary>How many clusters are checked at once; the rest wait for a free slot.</summary>
    public const int MaxParallelChecks = 32;

    private readonly ClusterVerifier verifier;

    public FleetHealthCheck(ClusterVerifier verifier)
    {
        ArgumentNullException.ThrowIfNull(verifier);
        this.verifier = verifier;
    }

    /// <param name="timeout">How long one cluster's whole check may take; past it the cluster is Unreachable.</param>
    /// <param name="onChecked">Receives each outcome, from any thread, one at a time per cluster.</param>
    public Task CheckAsync(IReadOnlyList<ClusterRecord> clusters, TimeSpan timeout, Func<HealthCheckOutcome, ValueTask> onChecked, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(clusters);
        ArgumentNullException.ThrowIfNull(onChecked);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        var options = new ParallelOptions { MaxDegreeOfParallelism = MaxParallelChecks, CancellationToken = cancellationToken };
        return Parallel.ForEachAsync(clusters, options, async (cluster, token) =>
            await onChecked(await CheckAsync(cluster, timeout, token).ConfigureAwait(false)).ConfigureAwait(false));
    }

    private async Task<HealthCheckOutcome> CheckAsync(ClusterRecord cluster, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ClusterAccess? access;
        try
        {
            access = cluster.GetAccess();
        }
        catch (KubeFleetException unreadable)
        {
            return new HealthCheckOutcome(cluster, null, unreadable);
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            return new HealthCheckOutcome(cluster, await verifier.CheckHealthAsync(cluster.Name, access, cluster.ClusterUid, deadline.Token).ConfigureAwait(false), null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new HealthCheckOutcome(cluster, TimedOut(cluster, timeout), null);
        }
    }

    private static ClusterHealth TimedOut(ClusterRecord cluster, TimeSpan timeout)
    {
        var failure = new KubeFleetException(
            ConnectionErrorIds.Timeout,
            ErrorKind.OperationTimeout,
            $"Cluster '{cluster.Name}' ({cluster.Server.Authority}) did not finish its check within {timeout.TotalSeconds:0.#} s. Check that it is reachable from here (firewall, VPN, proxy) and not overloaded, or allow more time with -TimeoutSec.",
            cluster.Name);
        return new ClusterHealth
        {
            ClusterName = cluster.Name,
            Status = ClusterHealthStatus.Unreachable,
            Message = failure.Message,
            CertificateNotAfter = cluster.CertificateNotAfter,
            CertificateDaysLeft = cluster.CertificateNotAfter is { } notAfter ? (int)Math.Floor((notAfter - DateTimeOffset.UtcNow).TotalDays) : null,
            ErrorId = failure.ErrorId,
            Error = failure,
        };
    }
}
