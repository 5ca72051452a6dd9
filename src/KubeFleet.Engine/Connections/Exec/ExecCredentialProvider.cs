using System.Collections.Concurrent;
using KubeFleet.Engine.Connections.Credentials;

namespace KubeFleet.Engine.Connections.Exec;

/// <summary>
/// Exec plugin credentials, kept in memory only, per exec config and cluster, until their
/// expirationTimestamp has passed. Concurrent requests that need a fresh credential wait for one
/// plugin run rather than starting one each.
/// </summary>
internal sealed class ExecCredentialProvider
{
    private readonly ConcurrentDictionary<string, CacheEntry> _entries = new(StringComparer.Ordinal);
    private readonly ExecPluginRunner _runner;

    public ExecCredentialProvider(ExecPluginRunner runner)
    {
        _runner = runner;
    }

    public async Task<ExecCredentialResult> GetAsync(ExecPluginInvocation invocation, CancellationToken cancellationToken)
    {
        var entry = _entries.GetOrAdd(invocation.CacheKey, _ => new CacheEntry());
        if (entry.Current is { } cached && cached.IsUsableAt(DateTimeOffset.UtcNow))
        {
            return cached;
        }

        await entry.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (entry.Current is { } refreshed && refreshed.IsUsableAt(DateTimeOffset.UtcNow))
            {
                return refreshed;
            }

            return entry.Current = await _runner.RunAsync(invocation, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            entry.Gate.Release();
        }
    }

    /// <summary>
    /// After a 401: runs the plugin again, unless another request has already replaced the
    /// credentials that were rejected (client-go refreshes only if the cached ones failed).
    /// </summary>
    public async Task<ExecCredentialResult> RefreshAsync(ExecPluginInvocation invocation, RequestCredentials rejected, CancellationToken cancellationToken)
    {
        var entry = _entries.GetOrAdd(invocation.CacheKey, _ => new CacheEntry());
        await entry.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (entry.Current is { } current && !ReferenceEquals(current.Credentials, rejected) && current.IsUsableAt(DateTimeOffset.UtcNow))
            {
                return current;
            }

            entry.Current = null;
            return entry.Current = await _runner.RunAsync(invocation, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            entry.Gate.Release();
        }
    }

    private sealed class CacheEntry
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public volatile ExecCredentialResult? Current;
    }
}
