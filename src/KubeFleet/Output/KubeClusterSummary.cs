using System.Collections.ObjectModel;
using KubeFleet.Engine.Insight.Summary;

namespace KubeFleet;

/// <summary>
/// One cluster as Get-KubeClusterSummary found it, live: version, nodes, capacity, pods, object
/// counts, what it serves, certificate expiry and latency. A figure the credential may not read is
/// null (a warning said why). Its Name binds by property name to the -Name and -Cluster parameters
/// of the other cmdlets.
/// </summary>
public sealed class KubeClusterSummary
{
    private KubeClusterSummary(ClusterSummary summary)
    {
        Name = summary.Cluster;
        Version = summary.Version.GitVersion;
        Platform = summary.Version.Platform;
        Latency = summary.Latency;
        Nodes = summary.Nodes?.Total;
        NodesReady = summary.Nodes?.Ready;
        CpuCapacity = summary.Nodes?.CpuCapacity;
        CpuAllocatable = summary.Nodes?.CpuAllocatable;
        MemoryCapacityBytes = summary.Nodes?.MemoryCapacityBytes;
        MemoryAllocatableBytes = summary.Nodes?.MemoryAllocatableBytes;
        Namespaces = summary.Namespaces;
        Pods = summary.Pods?.Total;
        PodsByPhase = summary.Pods is { } pods ? new ReadOnlyDictionary<string, int>(pods.ByPhase.ToDictionary(StringComparer.Ordinal)) : null;
        PodsPending = summary.Pods?.Pending;
        PodsCrashLooping = summary.Pods?.CrashLooping;
        ObjectCounts = new ReadOnlyDictionary<string, long>(new SortedDictionary<string, long>(summary.ObjectCounts.ToDictionary(StringComparer.Ordinal), StringComparer.Ordinal));
        ApiGroups = [.. summary.ApiGroups];
        CustomResources = summary.CustomResources?.ToArray();
        ServerCertificateNotAfter = summary.ServerCertificateNotAfter;
        ClientCertificateNotAfter = summary.ClientCertificateNotAfter;
    }

    /// <summary>The cluster's registered name.</summary>
    public string Name { get; }

    /// <summary>The Kubernetes version the server reports, such as v1.32.4.</summary>
    public string Version { get; }

    /// <summary>The server's platform, such as linux/amd64.</summary>
    public string? Platform { get; }

    /// <summary>The round trip of one small request over a warm connection.</summary>
    public TimeSpan Latency { get; }

    public int? Nodes { get; }

    /// <summary>Nodes whose Ready condition is True.</summary>
    public int? NodesReady { get; }

    /// <summary>CPU cores of all nodes.</summary>
    public decimal? CpuCapacity { get; }

    /// <summary>CPU cores pods can use, once the nodes' system reservations are taken.</summary>
    public decimal? CpuAllocatable { get; }

    public long? MemoryCapacityBytes { get; }

    public long? MemoryAllocatableBytes { get; }

    public int? Namespaces { get; }

    public int? Pods { get; }

    /// <summary>Pods per phase: Pending, Running, Succeeded, Failed and Unknown, each present.</summary>
    public IReadOnlyDictionary<string, int>? PodsByPhase { get; }

    public int? PodsPending { get; }

    /// <summary>Pods with a container waiting in CrashLoopBackOff.</summary>
    public int? PodsCrashLooping { get; }

    /// <summary>Objects per kind, for the kinds counted that the cluster serves and the credential may list.</summary>
    public IReadOnlyDictionary<string, long> ObjectCounts { get; }

    /// <summary>The API groups served, each in its preferred version (v1, apps/v1, cert-manager.io/v1, ...): the components the cluster runs.</summary>
    public string[] ApiGroups { get; }

    /// <summary>The custom resource definitions installed; null when the credential may not list them.</summary>
    public string[]? CustomResources { get; }

    /// <summary>When the API server's TLS certificate expires; null over plain HTTP or through a proxy.</summary>
    public DateTimeOffset? ServerCertificateNotAfter { get; }

    /// <summary>When the client certificate KubeFleet uses for the cluster expires; null for other credentials.</summary>
    public DateTimeOffset? ClientCertificateNotAfter { get; }

    /// <summary>The earlier of the two certificate expiries: the date something stops working.</summary>
    public DateTimeOffset? CertificateNotAfter =>
        ServerCertificateNotAfter is { } server && ClientCertificateNotAfter is { } client ? (server < client ? server : client) : ServerCertificateNotAfter ?? ClientCertificateNotAfter;

    public override string ToString() => $"{Name}: {Version}, {Nodes?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"} nodes, {Pods?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"} pods";

    internal static KubeClusterSummary From(ClusterSummary summary) => new(summary);
}
