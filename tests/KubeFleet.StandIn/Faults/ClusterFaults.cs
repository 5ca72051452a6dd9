namespace KubeFleet.StandIn.Faults;

/// <summary>
/// The faults one cluster injects, switchable at run time from any thread. Latency and slow
/// bodies affect every request; errors, throttling and cut bodies hit resource reads only (lists
/// and gets, not discovery or <c>/version</c>), so a client gets past discovery and fails where
/// it reads objects. Certificate faults apply to new TLS connections.
/// </summary>
public sealed class ClusterFaults
{
    public const string DefaultErrorMessage = "injected fault";

    private readonly IClusterListener listener;
    private readonly TimeProvider clock;
    private readonly object gate = new();
    private volatile FaultSettings settings = FaultSettings.None;
    private int failuresLeft;
    private int throttlesLeft;

    internal ClusterFaults(IClusterListener listener, TimeProvider clock)
    {
        this.listener = listener;
        this.clock = clock;
    }

    /// <summary>Added before every request is handled.</summary>
    public TimeSpan Latency
    {
        get => settings.Latency;
        set => Update(s => s with { Latency = value >= TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(value), "Latency cannot be negative.") });
    }

    /// <summary>Caps how fast every response body is sent; null for no cap.</summary>
    public long? BodyBytesPerSecond
    {
        get => settings.BodyBytesPerSecond;
        set => Update(s => s with { BodyBytesPerSecond = value is null or > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), "The rate must be positive.") });
    }

    /// <summary>Resets the connection once a resource read's body has sent this many bytes; null never.</summary>
    public long? ResetBodiesAfterBytes
    {
        get => settings.ResetBodiesAfterBytes;
        set => Update(s => s with { ResetBodiesAfterBytes = value is null or >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), "The byte count cannot be negative.") });
    }

    /// <summary>Which certificate new TLS connections are served.</summary>
    public ServerCertificateFault ServerCertificate
    {
        get => settings.ServerCertificate;
        set => Update(s => s with { ServerCertificate = value });
    }

    /// <summary>From this instant on, bearer and exec tokens issued before it get 401; null when no revocation is set.</summary>
    public DateTimeOffset? TokensRevokedAt => settings.TokensRevokedAt;

    public bool IsPortClosed => !listener.IsListening;

    /// <summary>
    /// True when some request-level fault is on, so the pipeline can skip fault handling otherwise.
    /// </summary>
    internal bool AnyRequestFault =>
        !settings.Equals(FaultSettings.None) || Volatile.Read(ref failuresLeft) > 0 || Volatile.Read(ref throttlesLeft) > 0;

    /// <summary>Answers the next <paramref name="count"/> resource reads with a 500 InternalError Status.</summary>
    public void FailNextRequests(int count, string message = DefaultErrorMessage)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (gate)
        {
            settings = settings with { ErrorMessage = message };
            Volatile.Write(ref failuresLeft, count);
        }
    }

    /// <summary>Answers every resource read with a 500 InternalError Status until cleared.</summary>
    public void FailAllRequests(string message = DefaultErrorMessage) => Update(s => s with { FailAll = true, ErrorMessage = message });

    /// <summary>
    /// Answers the next <paramref name="count"/> resource reads the way priority-and-fairness
    /// throttles: 429 with <c>Retry-After</c>, which client-go honours by waiting and retrying.
    /// </summary>
    public void ThrottleNextRequests(int count, int retryAfterSeconds = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(retryAfterSeconds);
        lock (gate)
        {
            settings = settings with { RetryAfterSeconds = retryAfterSeconds };
            Volatile.Write(ref throttlesLeft, count);
        }
    }

    /// <summary>
    /// Makes every bearer and exec token issued until <paramref name="after"/> from now fail with
    /// 401 from then on, as when a cluster revokes tokens or a token ages out: a client that fetches
    /// a new exec token recovers, one holding a static token does not.
    /// </summary>
    public void RevokeTokens(TimeSpan after = default) => Update(s => s with { TokensRevokedAt = clock.GetUtcNow() + after });

    /// <summary>Closes the cluster's port: clients get "connection refused" until <see cref="OpenPortAsync"/>.</summary>
    public Task ClosePortAsync() => listener.StopListeningAsync();

    /// <summary>Listens again on the same port.</summary>
    public Task OpenPortAsync() => listener.StartListeningAsync();

    /// <summary>Turns every fault off and reopens the port if it was closed.</summary>
    public async Task ClearAsync()
    {
        lock (gate)
        {
            settings = FaultSettings.None;
            Volatile.Write(ref failuresLeft, 0);
            Volatile.Write(ref throttlesLeft, 0);
        }

        if (!listener.IsListening)
        {
            await listener.StartListeningAsync();
        }
    }

    internal FaultSettings Settings => settings;

    /// <summary>Whether this resource read is one of the throttled ones, and how long the client should wait.</summary>
    internal bool TryTakeThrottle(out int retryAfterSeconds)
    {
        retryAfterSeconds = settings.RetryAfterSeconds;
        return TryTake(ref throttlesLeft);
    }

    /// <summary>Whether this resource read fails with a 500, and the error's message.</summary>
    internal bool TryTakeFailure(out string message)
    {
        var current = settings;
        message = current.ErrorMessage;
        return current.FailAll || TryTake(ref failuresLeft);
    }

    private static bool TryTake(ref int counter)
    {
        while (true)
        {
            var left = Volatile.Read(ref counter);
            if (left <= 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref counter, left - 1, left) == left)
            {
                return true;
            }
        }
    }

    private void Update(Func<FaultSettings, FaultSettings> change)
    {
        lock (gate)
        {
            settings = change(settings);
        }
    }
}

/// <summary>A consistent snapshot of the switchable faults; replaced whole, never mutated.</summary>
internal sealed record FaultSettings
{
    public static readonly FaultSettings None = new();

    public TimeSpan Latency { get; init; }

    public long? BodyBytesPerSecond { get; init; }

    public long? ResetBodiesAfterBytes { get; init; }

    public ServerCertificateFault ServerCertificate { get; init; }

    public DateTimeOffset? TokensRevokedAt { get; init; }

    public bool FailAll { get; init; }

    public string ErrorMessage { get; init; } = ClusterFaults.DefaultErrorMessage;

    public int RetryAfterSeconds { get; init; } = 1;
}
