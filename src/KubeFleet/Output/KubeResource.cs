using System.Collections.Specialized;
using KubeFleet.Engine.Search;

namespace KubeFleet;

/// <summary>
/// One Kubernetes object as Search-KubeResource found it on one cluster: who it is, its metadata,
/// a short status, and the whole object. It wraps what the search read without copying it; the
/// status and the object are worked out on first use, so a search that only lists names pays for
/// neither. Secret values are redacted unless the search was run with -IncludeSecretData.
/// </summary>
public sealed class KubeResource
{
    private readonly ClusterResource resource;
    private IReadOnlyList<KubeResourceOwnerReference>? ownerReferences;

    private KubeResource(ClusterResource resource)
    {
        this.resource = resource;
    }

    /// <summary>The registered name of the cluster it was read from.</summary>
    public string Cluster => resource.Cluster;

    public string Kind => resource.Kind;

    /// <summary><c>v1</c> for the core group, <c>group/version</c> otherwise, as the cluster serves it.</summary>
    public string ApiVersion => resource.ApiVersion;

    /// <summary>The resource type as kubectl names it (<c>pods</c>, <c>deployments.apps</c>); -Kind accepts it.</summary>
    public string Resource => resource.Resource.QualifiedName;

    /// <summary>Null for cluster-scoped resources (nodes, namespaces, persistent volumes…).</summary>
    public string? Namespace => resource.Namespace;

    public string Name => resource.Name;

    public string Uid => resource.Uid;

    public string? ResourceVersion => resource.ResourceVersion;

    public DateTimeOffset? CreationTimestamp => resource.CreationTimestamp;

    /// <summary>Set only while the object is being deleted.</summary>
    public DateTimeOffset? DeletionTimestamp => resource.DeletionTimestamp;

    /// <summary>How long ago it was created, as of reading this property.</summary>
    public TimeSpan? Age => resource.Age;

    public IReadOnlyDictionary<string, string> Labels => resource.Labels;

    public IReadOnlyDictionary<string, string> Annotations => resource.Annotations;

    /// <summary>The objects that own it (a ReplicaSet for a pod, a Deployment for a ReplicaSet).</summary>
    public IReadOnlyList<KubeResourceOwnerReference> OwnerReferences =>
        ownerReferences ??= resource.OwnerReferences.Select(KubeResourceOwnerReference.From).ToList();

    /// <summary>
    /// A short status in kubectl's words for the kinds people check at a glance (Running,
    /// CrashLoopBackOff, 3/3, Ready, Bound…); empty for other kinds.
    /// </summary>
    public string Status => resource.Status;

    /// <summary>
    /// The whole object as nested dictionaries and arrays, so <c>$r.Object.spec.replicas</c> reads
    /// as it does in YAML and <c>$r.Object | ConvertTo-Json -Depth 100</c> gives it back as JSON.
    /// Made on first use.
    /// </summary>
    public OrderedDictionary Object => resource.Object;

    /// <summary>The whole object as JSON text, exactly as the cluster sent it (secret values redacted unless asked for).</summary>
    public string ToJson() => resource.ToJson();

    /// <summary><c>cluster/Kind/namespace/name</c>, or <c>cluster/Kind/name</c> for cluster-scoped objects.</summary>
    public override string ToString() => resource.ToString();

    /// <summary>What the search read, for the cmdlets that take resources from the pipeline.</summary>
    internal ClusterResource Found => resource;

    internal static KubeResource From(ClusterResource resource) => new(resource);
}
