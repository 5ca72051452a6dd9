namespace KubeFleet.Engine.Connections;

/// <summary>How connections to clusters behave: protocol, limits, timeouts, retries, exec plugins.</summary>
public sealed record ClusterConnectionOptions
{
    /// <summary>
    /// The HTTP version asked for. HTTP/2 (the default, as client-go does) multiplexes many
    /// concurrent requests over one TLS connection; servers that do not offer it get HTTP/1.1.
    /// </summary>
    public Version HttpVersion { get; init; } = System.Net.HttpVersion.Version20;

    /// <summary>
    /// The most TCP connections to one cluster: parallel HTTP/1.1 requests each need one, and HTTP/2
    /// opens more when a connection's stream limit is reached.
    /// </summary>
    public int MaxConnectionsPerCluster { get; init; } = 16;

    /// <summary>Time allowed for DNS, TCP connect and the TLS handshake.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Time allowed from sending a request until the response headers have arrived.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The longest a response body may stay silent. Streamed lists of tens of MB take as long as
    /// they take, but a server that stops sending must not hang a search forever.
    /// </summary>
    public TimeSpan ReadIdleTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Retries of a 429 or 5xx that carries a Retry-After (client-go: 10).</summary>
    public int MaxRetries { get; init; } = 10;

    /// <summary>The most time spent waiting on Retry-After for one request, over all its retries.</summary>
    public TimeSpan MaxRetryWait { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Time an exec credential plugin may run before it is killed.</summary>
    public TimeSpan ExecPluginTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Whether standard input is a terminal a plugin may prompt on. Runbooks and background jobs have
    /// none; a host that knows better (PowerShell's -NonInteractive) can say so.
    /// </summary>
    public Func<bool> StandardInputIsTerminal { get; init; } = () => !Console.IsInputRedirected;

    /// <summary>
    /// Receives what a user must be told about: each TLS handshake that skips verification, and the
    /// server's own warnings (deprecated APIs). Called on any thread.
    /// </summary>
    public Action<ClusterWarning>? OnWarning { get; init; }

    public string UserAgent { get; init; } = $"KubeFleet/{typeof(ClusterConnectionOptions).Assembly.GetName().Version?.ToString(3)}";

    internal void Validate()
    {
        RequirePositive(ConnectTimeout, nameof(ConnectTimeout));
        RequirePositive(RequestTimeout, nameof(RequestTimeout));
        RequirePositive(ReadIdleTimeout, nameof(ReadIdleTimeout));
        RequirePositive(ExecPluginTimeout, nameof(ExecPluginTimeout));
        if (MaxConnectionsPerCluster < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxConnectionsPerCluster), MaxConnectionsPerCluster, "At least one connection per cluster is needed.");
        }

        if (MaxRetries < 0 || MaxRetryWait < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxRetries), "Retry limits cannot be negative.");
        }

        if (HttpVersion != System.Net.HttpVersion.Version20 && HttpVersion != System.Net.HttpVersion.Version11)
        {
            throw new ArgumentOutOfRangeException(nameof(HttpVersion), HttpVersion, "Kubernetes API servers speak HTTP/1.1 and HTTP/2.");
        }
    }

    private static void RequirePositive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero && value != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(name, value, "A timeout must be positive (or infinite).");
        }
    }
}

/// <summary>Something about a cluster connection the user must see, though the request goes on.</summary>
public sealed record ClusterWarning(string ClusterName, string Message);
