using System.Text.Json;
using KubeFleet.Engine.Profile;

namespace KubeFleet.Engine.Workspaces;

/// <summary>
/// A workspace as Export-KubeWorkspace writes it for a colleague: versioned JSON with a kind
/// marker, the clusters' registrations and no credential of any kind.
/// </summary>
public sealed record SharedWorkspace(string Name, DateTimeOffset ExportedAt, IReadOnlyList<SharedCluster> Clusters)
{
    public const string Kind = "KubeFleetWorkspace";
    public const int CurrentSchemaVersion = 1;

    // A workspace of a thousand clusters with their CAs is well under this.
    private const long MaximumFileBytes = 16 * 1024 * 1024;

    public byte[] ToJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("kind", Kind);
            writer.WriteNumber("schemaVersion", CurrentSchemaVersion);
            writer.WriteString("name", Name);
            writer.WriteString("exportedAt", ExportedAt);
            writer.WriteStartArray("clusters");
            foreach (var cluster in Clusters)
            {
                WriteCluster(writer, cluster);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <exception cref="Errors.KubeFleetException">ImportKubeWorkspaceFileNotFound, ImportKubeWorkspaceFileInvalid.</exception>
    public static SharedWorkspace Read(string path)
    {
        byte[] content;
        try
        {
            var file = new FileInfo(path);
            if (!file.Exists)
            {
                throw WorkspaceErrors.ImportFileNotFound(path);
            }

            if (file.Length > MaximumFileBytes)
            {
                throw WorkspaceErrors.ImportFileInvalid(path, $"it is {file.Length:N0} bytes, more than the {MaximumFileBytes:N0} a workspace file may be");
            }

            content = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw WorkspaceErrors.ImportFileInvalid(path, $"it cannot be read ({e.Message})", e);
        }

        try
        {
            using var document = JsonDocument.Parse(content);
            return Parse(document.RootElement, path);
        }
        catch (JsonException e)
        {
            throw WorkspaceErrors.ImportFileInvalid(path, $"it is not valid JSON ({e.Message})", e);
        }
    }

    private static SharedWorkspace Parse(JsonElement root, string path)
    {
        Errors.KubeFleetException Invalid(string problem) => WorkspaceErrors.ImportFileInvalid(path, problem);
        if (root.ValueKind != JsonValueKind.Object || Text(root, "kind") != Kind)
        {
            throw Invalid($"it has no \"kind\": \"{Kind}\"");
        }

        if (!root.TryGetProperty("schemaVersion", out var version) || version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out var schemaVersion))
        {
            throw Invalid("it has no schemaVersion");
        }

        if (schemaVersion > CurrentSchemaVersion)
        {
            throw Invalid($"it was written by a newer KubeFleet (schema version {schemaVersion}; this one reads up to {CurrentSchemaVersion}); update KubeFleet");
        }

        var name = Text(root, "name") ?? throw Invalid("it has no workspace name");
        WorkspaceNames.Checked(name);
        if (!root.TryGetProperty("clusters", out var clusters) || clusters.ValueKind != JsonValueKind.Array)
        {
            throw Invalid("it has no list of clusters");
        }

        var exportedAt = root.TryGetProperty("exportedAt", out var at) && at.TryGetDateTimeOffset(out var when) ? when : DateTimeOffset.MinValue;
        return new SharedWorkspace(name, exportedAt, clusters.EnumerateArray().Select((cluster, index) => ParseCluster(cluster, index, Invalid)).ToList());
    }

    private static SharedCluster ParseCluster(JsonElement cluster, int index, Func<string, Errors.KubeFleetException> invalid)
    {
        var name = Text(cluster, "name");
        if (name is null || ClusterRecord.NameProblem(name) is not null)
        {
            throw invalid($"cluster {index + 1} has no valid name");
        }

        if (!Uri.TryCreate(Text(cluster, "server"), UriKind.Absolute, out var server) || (server.Scheme != Uri.UriSchemeHttps && server.Scheme != Uri.UriSchemeHttp))
        {
            throw invalid($"cluster '{name}' has no https:// or http:// server");
        }

        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (cluster.TryGetProperty("labels", out var labelObject) && labelObject.ValueKind == JsonValueKind.Object)
        {
            foreach (var label in labelObject.EnumerateObject().Where(label => label.Value.ValueKind == JsonValueKind.String))
            {
                labels[label.Name] = label.Value.GetString()!;
            }
        }

        try
        {
            Registry.ClusterLabels.Checked(labels);
        }
        catch (Errors.KubeFleetException e)
        {
            throw invalid($"cluster '{name}' has a label KubeFleet refuses ({e.Message})");
        }

        return new SharedCluster
        {
            Name = name,
            DisplayName = Text(cluster, "displayName"),
            Description = Text(cluster, "description"),
            Labels = labels,
            Server = server,
            CertificateAuthorityPem = Text(cluster, "certificateAuthority"),
            ClusterUid = Text(cluster, "clusterUid"),
            ServerVersion = Text(cluster, "serverVersion"),
        };
    }

    private static void WriteCluster(Utf8JsonWriter writer, SharedCluster cluster)
    {
        writer.WriteStartObject();
        writer.WriteString("name", cluster.Name);
        writer.WriteIfSet("displayName", cluster.DisplayName);
        writer.WriteIfSet("description", cluster.Description);
        writer.WriteIfAny("labels", cluster.Labels);
        writer.WriteString("server", cluster.Server.OriginalString);
        writer.WriteIfSet("certificateAuthority", cluster.CertificateAuthorityPem);
        writer.WriteIfSet("clusterUid", cluster.ClusterUid);
        writer.WriteIfSet("serverVersion", cluster.ServerVersion);
        writer.WriteEndObject();
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
