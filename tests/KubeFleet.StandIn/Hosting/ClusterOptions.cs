using KubeFleet.StandIn.Data;

namespace KubeFleet.StandIn.Hosting;

/// <summary>How one cluster of a fleet differs from the defaults.</summary>
public sealed record ClusterOptions
{
    /// <summary>The Kubernetes minor version <c>/version</c> reports (27..33).</summary>
    public int ServerMinor { get; init; } = ServerVersion.DefaultMinor;

    /// <summary>
    /// Whether the cluster serves the custom resource (cert-manager's). Null: odd-indexed clusters
    /// (cluster-01, cluster-03, ...) do, even-indexed ones do not, so every fleet is mixed.
    /// </summary>
    public bool? ServesCustomResource { get; init; }

    /// <summary>Whether requests without credentials are <c>system:anonymous</c> (the real default) rather than 401.</summary>
    public bool AllowAnonymous { get; init; } = true;

    /// <summary>
    /// Serve plain HTTP instead of TLS, the way <c>kubectl proxy</c> does: clients send no
    /// credentials over plain HTTP, so requests without any act as the admin user.
    /// </summary>
    public bool PlainHttp { get; init; }

    /// <summary>Extra DNS names in the serving certificate, for <c>tls-server-name</c>.</summary>
    public IReadOnlyList<string> ExtraServerNames { get; init; } = [];

    /// <summary>How many pods the cluster runs in all; null takes the fleet's <see cref="FleetOptions.PodsPerCluster"/>.</summary>
    public int? Pods { get; init; }
}
