using System.Collections.Specialized;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;
using KubeFleet.Engine.Discovery;
using KubeFleet.Engine.Search.Lists;
using KubeFleet.Engine.Search.Query;
using KubeFleet.Engine.Search.Status;

namespace KubeFleet.Engine.Search;

/// <summary>
/// One object found on one cluster: who it is, its metadata, and the whole object as the server
/// sent it. The status summary and the object as .NET values are computed on first use only, so a
/// search pays for neither unless someone looks.
/// </summary>
public sealed class ClusterResource : IQueryRow
{
    private readonly ObjectMetadata _metadata;
    private readonly byte[] _json;
    private string? _status;
    private OrderedDictionary? _object;
    private JsonElement? _element;

    internal ClusterResource(string cluster, ApiResource resource, ListItem item)
    {
        Cluster = cluster;
        Resource = resource;
        _metadata = item.Metadata;
        _json = item.Json;
    }

    /// <summary>The registered name of the cluster it was read from.</summary>
    public string Cluster { get; }

    /// <summary>What kind of resource it is: group, version, kind, plural name, scope.</summary>
    public ApiResource Resource { get; }

    public string Kind => Resource.Kind;

    public string ApiVersion => Resource.ApiVersion;

    /// <summary>Null for cluster-scoped resources.</summary>
    public string? Namespace => _metadata.Namespace;

    public string Name => _metadata.Name;

    public string Uid => _metadata.Uid;

    public string? ResourceVersion => _metadata.ResourceVersion;

    public DateTimeOffset? CreationTimestamp => _metadata.CreationTimestamp;

    /// <summary>Set only while the object is being deleted.</summary>
    public DateTimeOffset? DeletionTimestamp => _metadata.DeletionTimestamp;

    /// <summary>Time since it was created, now.</summary>
    public TimeSpan? Age => DateTimeOffset.UtcNow - CreationTimestamp;

    public IReadOnlyDictionary<string, string> Labels => _metadata.Labels;

    /// <summary>Its annotations; on a Secret, <c>last-applied-configuration</c> is redacted unless secret data was asked for.</summary>
    public IReadOnlyDictionary<string, string> Annotations => _metadata.Annotations;

    public IReadOnlyList<OwnerReference> OwnerReferences => _metadata.OwnerReferences;

    /// <summary>
    /// A short status in kubectl's words for the kinds people check at a glance (pods, workloads,
    /// jobs, nodes, volumes, services, namespaces); empty for other kinds.
    /// </summary>
    public string Status => _status ??= ResourceStatus.Summarize(Resource, _json);

    /// <summary>
    /// The whole object as dictionaries, arrays and plain values (see <see cref="JsonObjectGraph"/>),
    /// made on first use; <c>kind</c> and <c>apiVersion</c> included. Secret values are redacted
    /// unless secret data was asked for.
    /// </summary>
    public OrderedDictionary Object => _object ??= JsonObjectGraph.ToDictionary(_json);

    /// <summary>The whole object as UTF-8 JSON, exactly as the server sent it apart from added kind, apiVersion and redactions.</summary>
    public ReadOnlyMemory<byte> Json => _json;

    JsonElement IQueryRow.Object => _element ??= ObjectJson.Parse(_json);

    /// <summary>The whole object as JSON text.</summary>
    public string ToJson() => Encoding.UTF8.GetString(_json);

    public bool TryGetLabel(string key, [NotNullWhen(true)] out string? value) => _metadata.Labels.TryGetValue(key, out value);

    public bool TryGetAnnotation(string key, [NotNullWhen(true)] out string? value) => _metadata.Annotations.TryGetValue(key, out value);

    public override string ToString() => Namespace is null ? $"{Cluster}/{Kind}/{Name}" : $"{Cluster}/{Kind}/{Namespace}/{Name}";
}
