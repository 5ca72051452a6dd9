using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography.X509Certificates;
using KubeFleet.Engine.Connections;
using KubeFleet.Engine.Discovery;
using KubeFleet.Engine.Errors;
using KubeFleet.Engine.Registry.Verification;

namespace KubeFleet.Engine.Insight.Summary;

/// <summary>
/// Reads one cluster's summary live: its version and latency, then discovery and the lists it is
/// made of, all at once. Only the version must answer; each other figure that cannot be read is
/// left out with a warning, so one forbidden list does not cost the whole summary.
/// </summary>
public sealed class ClusterSummaryReader
{
    private readonly DiscoveryCache discovery;
    private readonly IReadOnlyList<string>? kinds;

    /// <param name="kinds">The kinds to count, as kubectl names them (<c>deployments</c>, <c>certificates.cert-manager.io</c>); null for the usual workload, network, configuration and storage kinds.</param>
    public ClusterSummaryReader(DiscoveryCache discovery, IReadOnlyList<string>? kinds = null)
    {
        ArgumentNullException.ThrowIfNull(discovery);
        this.discovery = discovery;
        this.kinds = kinds;
    }

    /// <exception cref="KubeFleetException">The cluster could not be reached, or is not a Kubernetes API server.</exception>
    public async Task<ClusterSummary> ReadAsync(ClusterConnection connection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var version = await ReadVersionAsync(connection, cancellationToken).ConfigureAwait(false);
        var stopwatch = Stopwatch.StartNew();
        await ReadVersionAsync(connection, cancellationToken).ConfigureAwait(false);
        var latency = stopwatch.Elapsed;
        var catalog = await discovery.GetAsync(connection, cancellationToken).ConfigureAwait(false);

        var warnings = new ConcurrentQueue<string>();
        var lists = new SummaryLists(connection, warnings, cancellationToken);
        var nodes = lists.TallyAsync(Served(catalog, "", "nodes"), new NodeTally(), (tally, node) => tally.Add(node));
        var pods = lists.TallyAsync(Served(catalog, "", "pods"), new PodTally(), (tally, pod) => tally.Add(pod));
        var namespaces = lists.CountAsync(Served(catalog, "", "namespaces"));
        var customResources = lists.NamesAsync(Served(catalog, "apiextensions.k8s.io", "customresourcedefinitions"));
        var counted = KindsToCount(connection.ClusterName, catalog, warnings).Select(resource => (Resource: resource, Count: lists.CountAsync(resource))).ToList();
        var serverCertificate = ServerCertificateProbe.ReadNotAfterAsync(connection.Access, TimeSpan.FromSeconds(10), cancellationToken);
        await Task.WhenAll([.. counted.Select(entry => (Task)entry.Count), namespaces, nodes, pods, customResources, serverCertificate]).ConfigureAwait(false);

        var counts = new List<(ApiResource? Resource, string Kind, long? Count)>
        {
            (null, "Namespace", await namespaces.ConfigureAwait(false)),
            (null, "Node", (await nodes.ConfigureAwait(false))?.Total),
            (null, "Pod", (await pods.ConfigureAwait(false))?.Total),
        };
        foreach (var (resource, count) in counted)
            counts.Add((resource, resource.Kind, await count.ConfigureAwait(false)));
        var clientCertificate = ClientCertificateNotAfter(connection.Access);
        WarnOfExpiry(connection.ClusterName, "API server's TLS certificate", await serverCertificate.ConfigureAwait(false), warnings);
        WarnOfExpiry(connection.ClusterName, "client certificate KubeFleet uses", clientCertificate, warnings);
        return new ClusterSummary
        {
            Cluster = connection.ClusterName,
            Version = version,
            Latency = latency,
            Nodes = await nodes.ConfigureAwait(false),
            Pods = await pods.ConfigureAwait(false),
            Namespaces = (int?)await namespaces.ConfigureAwait(false),
            ObjectCounts = ObjectCounts(counts),
            ApiGroups = catalog.PreferredResources.GroupBy(resource => resource.Group, StringComparer.Ordinal).Select(group => group.First().ApiVersion).ToList(),
            CustomResources = await customResources.ConfigureAwait(false),
            ServerCertificateNotAfter = await serverCertificate.ConfigureAwait(false),
            ClientCertificateNotAfter = clientCertificate,
            Warnings = [.. catalog.UnavailableGroupVersions.Select(groupVersion => $"Cluster '{connection.ClusterName}' could not say what {groupVersion} serves."), .. warnings],
        };
    }

    private static async Task<KubernetesVersion> ReadVersionAsync(ClusterConnection connection, CancellationToken cancellationToken)
    {
        using var document = await connection.GetJsonAsync("/version", cancellationToken).ConfigureAwait(false);
        return KubernetesVersion.FromJson(document.RootElement)
            ?? throw new KubeFleetException(
                ConnectionErrorIds.ResponseInvalid,
                ErrorKind.InvalidData,
                $"Cluster '{connection.ClusterName}' answered GET /version without a gitVersion, as no Kubernetes API server does. Check that its address is the API server's.",
                connection.ClusterName);
    }

    private static ApiResource? Served(ResourceCatalog catalog, string group, string resource) =>
        catalog.PreferredResources.FirstOrDefault(served => served.Group == group && served.Resource == resource && served.CanList);

    private IEnumerable<ApiResource> KindsToCount(string cluster, ResourceCatalog catalog, ConcurrentQueue<string> warnings)
    {
        var resources = new List<ApiResource>();
        if (kinds is null)
        {
            resources.AddRange(SummaryKinds.Default.Select(kind => Served(catalog, kind.Group, kind.Resource)).OfType<ApiResource>());
        }
        else
        {
            foreach (var name in kinds)
            {
                if (catalog.TryResolve(name, out var resolved))
                    resources.AddRange(resolved.Where(resource => resource.CanList));
                else
                    warnings.Enqueue($"Cluster '{cluster}' serves nothing named '{name}' to count; check the name with Search-KubeResource, or leave it out for this cluster.");
            }
        }
        // Pods, nodes and namespaces are counted from their own lists.
        return resources
            .Where(resource => !(resource.Group.Length == 0 && resource.Resource is "pods" or "nodes" or "namespaces"))
            .DistinctBy(resource => (resource.Group, resource.Resource));
    }

    /// <summary>Counts by kind; a kind two groups share is told apart by its group (<c>Event.events.k8s.io</c>).</summary>
    private static Dictionary<string, long> ObjectCounts(List<(ApiResource? Resource, string Kind, long? Count)> counts)
    {
        var shared = counts.GroupBy(entry => entry.Kind, StringComparer.Ordinal).Where(group => group.Count() > 1).Select(group => group.Key).ToHashSet(StringComparer.Ordinal);
        var result = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (resource, kind, count) in counts)
        {
            if (count is { } value)
                result[shared.Contains(kind) && resource is { Group.Length: > 0 } ? $"{kind}.{resource.Group}" : kind] = value;
        }
        return result;
    }

    // KubeSphere warns seven days ahead, as registration and Test-KubeCluster do.
    private static void WarnOfExpiry(string cluster, string certificate, DateTimeOffset? notAfter, ConcurrentQueue<string> warnings)
    {
        if (notAfter is not { } expiry || expiry - DateTimeOffset.UtcNow > ClusterVerifier.CertificateExpiryWarning)
            return;
        warnings.Enqueue(expiry < DateTimeOffset.UtcNow
            ? $"The {certificate} for cluster '{cluster}' expired on {expiry:u}. Renew it now."
            : $"The {certificate} for cluster '{cluster}' expires on {expiry:u}. Renew it before then.");
    }

    private static DateTimeOffset? ClientCertificateNotAfter(ClusterAccess access)
    {
        if (access.Credential is not ClientCertificateCredential credential)
            return null;
        using var certificate = X509Certificate2.CreateFromPem(credential.CertificatePem);
        return new DateTimeOffset(certificate.NotAfter.ToUniversalTime());
    }
}
