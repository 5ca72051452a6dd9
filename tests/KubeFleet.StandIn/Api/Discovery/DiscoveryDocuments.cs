using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using KubeFleet.StandIn.Data;
using KubeFleet.StandIn.Data.Catalog;
using KubeFleet.StandIn.Data.Json;

namespace KubeFleet.StandIn.Api.Discovery;

/// <summary>
/// Every discovery document of one cluster, encoded once from its catalog: the legacy documents
/// (<c>APIVersions</c>, <c>APIGroupList</c>, <c>APIGroup</c>, <c>APIResourceList</c>) and the aggregated ones
/// (<c>APIGroupDiscoveryList</c> for <c>/api</c> and <c>/apis</c>, in apidiscovery v2 and v2beta1).
/// </summary>
internal sealed class DiscoveryDocuments
{
    private readonly Dictionary<string, byte[]> groups = new(StringComparer.Ordinal);
    private readonly Dictionary<string, byte[]> resourceLists = new(StringComparer.Ordinal);
    private readonly Dictionary<(bool Core, AggregatedVersion Version), byte[]> aggregated = [];

    public DiscoveryDocuments(ClusterData cluster)
    {
        var catalog = cluster.Catalog;
        CoreVersions = Encode(writer => WriteApiVersions(writer, cluster.ApiServerAddress));
        GroupList = Encode(writer => WriteGroupList(writer, catalog));
        foreach (var group in catalog.Groups)
        {
            if (group.Name.Length > 0)
            {
                groups[group.Name] = Encode(writer => WriteGroup(writer, group, "APIGroup", withTypeMeta: true));
            }

            foreach (var groupVersion in group.Versions)
            {
                resourceLists[groupVersion.GroupVersion] = Encode(writer => WriteResourceList(writer, groupVersion));
            }
        }

        foreach (var version in new[] { AggregatedVersion.V2, AggregatedVersion.V2Beta1 })
        {
            aggregated[(true, version)] = Encode(writer => WriteAggregated(writer, version, catalog.Groups.Where(g => g.Name.Length == 0)));
            aggregated[(false, version)] = Encode(writer => WriteAggregated(writer, version, catalog.Groups.Where(g => g.Name.Length > 0)));
        }
    }

    /// <summary>Legacy <c>GET /api</c>.</summary>
    public byte[] CoreVersions { get; }

    /// <summary>Legacy <c>GET /apis</c>.</summary>
    public byte[] GroupList { get; }

    /// <summary><c>GET /apis/{group}</c>; null for a group the cluster does not serve.</summary>
    public byte[]? Group(string name) => groups.GetValueOrDefault(name);

    /// <summary><c>GET /api/v1</c> or <c>/apis/{group}/{version}</c>; null when not served.</summary>
    public byte[]? ResourceList(string groupVersion) => resourceLists.GetValueOrDefault(groupVersion);

    /// <summary>Aggregated <c>/api</c> (<paramref name="core"/>) or <c>/apis</c>.</summary>
    public byte[] Aggregated(bool core, AggregatedVersion version) => aggregated[(core, version)];

    private static byte[] Encode(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(8192);
        using (var writer = new Utf8JsonWriter(buffer, KubeJson.WriterOptions))
        {
            write(writer);
        }

        buffer.Write("\n"u8);
        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteApiVersions(Utf8JsonWriter writer, string serverAddress)
    {
        writer.WriteStartObject();
        writer.WriteString("kind", "APIVersions");
        writer.WriteStringArray("versions", ["v1"]);
        writer.WriteStartArray("serverAddressByClientCIDRs");
        writer.WriteStartObject();
        writer.WriteString("clientCIDR", "0.0.0.0/0");
        writer.WriteString("serverAddress", serverAddress);
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteGroupList(Utf8JsonWriter writer, ResourceCatalog catalog)
    {
        writer.WriteStartObject();
        writer.WriteString("kind", "APIGroupList");
        writer.WriteString("apiVersion", "v1");
        writer.WriteStartArray("groups");
        foreach (var group in catalog.Groups.Where(g => g.Name.Length > 0))
        {
            WriteGroup(writer, group, null, withTypeMeta: false);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteGroup(Utf8JsonWriter writer, ApiGroup group, string? kind, bool withTypeMeta)
    {
        writer.WriteStartObject();
        if (withTypeMeta)
        {
            writer.WriteString("kind", kind);
            writer.WriteString("apiVersion", "v1");
        }

        writer.WriteString("name", group.Name);
        writer.WriteStartArray("versions");
        foreach (var version in group.Versions)
        {
            WriteGroupVersion(writer, null, version);
        }

        writer.WriteEndArray();
        WriteGroupVersion(writer, "preferredVersion", group.Preferred);
        writer.WriteEndObject();
    }

    private static void WriteGroupVersion(Utf8JsonWriter writer, string? name, ApiGroupVersion version)
    {
        if (name is null)
        {
            writer.WriteStartObject();
        }
        else
        {
            writer.WriteStartObject(name);
        }

        writer.WriteString("groupVersion", version.GroupVersion);
        writer.WriteString("version", version.Version);
        writer.WriteEndObject();
    }

    private static void WriteResourceList(Utf8JsonWriter writer, ApiGroupVersion groupVersion)
    {
        writer.WriteStartObject();
        writer.WriteString("kind", "APIResourceList");
        writer.WriteString("apiVersion", "v1");
        writer.WriteString("groupVersion", groupVersion.GroupVersion);
        writer.WriteStartArray("resources");
        foreach (var type in groupVersion.Resources)
        {
            writer.WriteStartObject();
            writer.WriteString("name", type.Resource);
            writer.WriteString("singularName", type.Singular);
            writer.WriteBoolean("namespaced", type.Namespaced);
            writer.WriteString("kind", type.Kind);
            writer.WriteStringArray("verbs", type.Verbs);
            if (type.ShortNames.Count > 0)
            {
                writer.WriteStringArray("shortNames", type.ShortNames);
            }

            if (type.Categories.Count > 0)
            {
                writer.WriteStringArray("categories", type.Categories);
            }

            // Only resources kept in storage have a storage version (not reviews, bindings or computed ones).
            if (type.Supports("watch"))
            {
                writer.WriteString("storageVersionHash", StorageVersionHash(type));
            }

            writer.WriteEndObject();
            foreach (var subresource in type.Subresources)
            {
                writer.WriteStartObject();
                writer.WriteString("name", $"{type.Resource}/{subresource.Name}");
                writer.WriteString("singularName", "");
                writer.WriteBoolean("namespaced", type.Namespaced);
                if (subresource.Group != type.Group || subresource.Version != type.Version)
                {
                    writer.WriteString("group", subresource.Group);
                    writer.WriteString("version", subresource.Version);
                }

                writer.WriteString("kind", subresource.Kind);
                writer.WriteStringArray("verbs", subresource.Verbs);
                writer.WriteEndObject();
            }
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>The first 8 bytes of SHA-256 over <c>group/version/kind</c>, base64 (<c>discovery.StorageVersionHash</c>).</summary>
    private static string StorageVersionHash(ResourceType type) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes($"{type.Group}/{type.Version}/{type.Kind}"))[..8]);

    private static void WriteAggregated(Utf8JsonWriter writer, AggregatedVersion version, IEnumerable<ApiGroup> apiGroups)
    {
        writer.WriteStartObject();
        writer.WriteString("kind", "APIGroupDiscoveryList");
        writer.WriteString("apiVersion", version.ApiVersion);
        writer.WriteEmptyObject("metadata");
        writer.WriteStartArray("items");
        foreach (var group in apiGroups)
        {
            writer.WriteStartObject();
            writer.WriteStartObject("metadata");
            writer.WriteStringIfAny("name", group.Name);
            writer.WriteNull("creationTimestamp");
            writer.WriteEndObject();
            writer.WriteStartArray("versions");
            foreach (var groupVersion in group.Versions)
            {
                writer.WriteStartObject();
                writer.WriteString("version", groupVersion.Version);
                writer.WriteStartArray("resources");
                foreach (var type in groupVersion.Resources)
                {
                    WriteAggregatedResource(writer, type);
                }

                writer.WriteEndArray();
                writer.WriteString("freshness", "Current");
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteAggregatedResource(Utf8JsonWriter writer, ResourceType type)
    {
        writer.WriteStartObject();
        writer.WriteString("resource", type.Resource);
        WriteKind(writer, type.Group, type.Version, type.Kind);
        writer.WriteString("scope", type.Namespaced ? "Namespaced" : "Cluster");
        writer.WriteString("singularResource", type.Singular);
        writer.WriteStringArray("verbs", type.Verbs);
        if (type.ShortNames.Count > 0)
        {
            writer.WriteStringArray("shortNames", type.ShortNames);
        }

        if (type.Categories.Count > 0)
        {
            writer.WriteStringArray("categories", type.Categories);
        }

        if (type.Subresources.Count > 0)
        {
            writer.WriteStartArray("subresources");
            foreach (var subresource in type.Subresources)
            {
                writer.WriteStartObject();
                writer.WriteString("subresource", subresource.Name);
                WriteKind(writer, subresource.Group, subresource.Version, subresource.Kind);
                writer.WriteStringArray("verbs", subresource.Verbs);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private static void WriteKind(Utf8JsonWriter writer, string group, string version, string kind)
    {
        writer.WriteStartObject("responseKind");
        writer.WriteString("group", group);
        writer.WriteString("version", version);
        writer.WriteString("kind", kind);
        writer.WriteEndObject();
    }
}
