namespace KubeFleet.StandIn.ExecPlugin;

/// <summary>How the installed exec plugin behaves; the defaults behave like <c>aws eks get-token</c>.</summary>
public sealed record ExecPluginOptions
{
    /// <summary>How long issued tokens stay valid (EKS tokens: 15 minutes); also the reported <c>expirationTimestamp</c>.</summary>
    public TimeSpan TokenLifetime { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>A file the plugin appends one JSON line to per run: arguments, <c>KUBERNETES_EXEC_INFO</c>, environment, terminal.</summary>
    public string? RecordFile { get; init; }

    /// <summary>Environment variables to record besides the AWS ones; values of secret-looking names are recorded as hashes.</summary>
    public IReadOnlyList<string> RecordEnvironment { get; init; } = [];

    /// <summary>Make every run fail with this exit code (after printing <see cref="Stderr"/>), as a broken plugin does.</summary>
    public int? FailWithExitCode { get; init; }

    /// <summary>Text the plugin writes to standard error on every run (client-go passes it through).</summary>
    public string? Stderr { get; init; }
}
