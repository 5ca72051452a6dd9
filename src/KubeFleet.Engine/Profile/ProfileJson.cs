using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using KubeFleet.Engine.Connections;

namespace KubeFleet.Engine.Profile;

/// <summary>
/// The profile file's format: readable, indented JSON with a schemaVersion, every secret sealed in
/// place. Properties this version does not know, at the top and in each cluster, are written back.
/// </summary>
internal static class ProfileJson
{
    private const int MaxDepth = 64;

    private static readonly HashSet<string> DocumentProperties = ["schemaVersion", "profileId", "clusters", "keyCheck"];

    private static readonly HashSet<string> ClusterProperties =
    [
        "name", "displayName", "description", "labels", "workspaces", "server", "clusterUid", "serverVersion",
        "contextName", "authKind", "userName", "certificateNotAfter", "permissions", "registeredAt", "updatedAt", "access",
        "sharedCertificateAuthority",
    ];

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,

        // The default encoder escapes '+' and non-ASCII letters, which makes base64 and names hard to read.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <exception cref="Errors.KubeFleetException">ProfileCorrupt, or ProfileFromNewerVersion for a newer schema this version cannot read.</exception>
    public static ProfileDocument Read(byte[] content, ProfileFiles files, ProfileKeySource keySource)
    {
        if (EncodingProblem(content) is { } encodingProblem)
        {
            throw ProfileErrors.Corrupt(files, encodingProblem);
        }

        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(content, new JsonDocumentOptions { MaxDepth = MaxDepth });
        }
        catch (JsonException e)
        {
            throw ProfileErrors.Corrupt(files, SyntaxProblem(content, e), e);
        }

        using (json)
        {
            try
            {
                return ReadDocument(json.RootElement, files, keySource);
            }
            catch (InvalidOperationException e)
            {
                throw ProfileErrors.Corrupt(files, "it holds a JSON string that is not valid Unicode", e);
            }
        }
    }

    private static ProfileDocument ReadDocument(JsonElement rootElement, ProfileFiles files, ProfileKeySource keySource)
    {
        if (JsonDuplicateKeys.Find(rootElement) is { } duplicate)
        {
            throw ProfileErrors.Corrupt(files, $"the property {duplicate} appears twice in one object");
        }

        if (rootElement.ValueKind != JsonValueKind.Object || !rootElement.TryGetProperty("schemaVersion", out _))
        {
            throw ProfileErrors.Corrupt(files, "it is not a KubeFleet profile (a JSON object with a schemaVersion)");
        }

        var root = new JsonObjectReader(rootElement, "");
        int schemaVersion;
        try
        {
            schemaVersion = root.RequiredInt("schemaVersion");
        }
        catch (ProfileFormatException e)
        {
            throw ProfileErrors.Corrupt(files, e.Message, e);
        }

        if (schemaVersion < 1)
        {
            throw ProfileErrors.Corrupt(files, $"schemaVersion {schemaVersion} is not a version");
        }

        Func<Exception, Exception> formatError = schemaVersion > ProfileDocument.CurrentSchemaVersion
            ? e => ProfileErrors.FromNewerVersion(files, schemaVersion, $"this version cannot read it ({e.Message})")
            : e => ProfileErrors.Corrupt(files, e.Message, e);
        try
        {
            return ReadDocument(root, schemaVersion, keySource, formatError);
        }
        catch (ProfileFormatException e)
        {
            throw formatError(e);
        }
    }

    public static byte[] Write(ProfileDocument document)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteNumber("schemaVersion", ProfileDocument.CurrentSchemaVersion);
            writer.WriteString("profileId", document.ProfileId);
            writer.WriteStartArray("clusters");
            foreach (var cluster in document.Clusters)
            {
                WriteCluster(writer, cluster, document.Secrets);
            }

            writer.WriteEndArray();

            // Last, because sealing the first secret above is what creates the key check.
            if (document.Secrets.KeyCheck is { } keyCheck)
            {
                ClusterAccessJson.WriteSealedValue(writer, "keyCheck", keyCheck);
            }

            WriteUnknown(writer, document.UnknownFields);
            writer.WriteEndObject();
        }

        buffer.Write("\n"u8);
        return buffer.WrittenSpan.ToArray();
    }

    private static ProfileDocument ReadDocument(JsonObjectReader root, int schemaVersion, ProfileKeySource keySource, Func<Exception, Exception> formatError)
    {
        var secrets = new ProfileSecrets(root.RequiredGuid("profileId"), ClusterAccessJson.OptionalSealedValue(root, "keyCheck"), keySource);
        var clusters = new List<ClusterRecord>();
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (item, path) in root.OptionalArray("clusters"))
        {
            var cluster = ReadCluster(new JsonObjectReader(item, path), secrets, formatError);
            if (!names.TryAdd(cluster.Name, path))
            {
                throw new ProfileFormatException($"{path}.name", $"repeats the name of {names[cluster.Name]} (cluster names are unique regardless of case)");
            }

            clusters.Add(cluster);
        }

        return new ProfileDocument(schemaVersion, secrets, clusters, root.Unknown(DocumentProperties));
    }

    private static ClusterRecord ReadCluster(JsonObjectReader json, ProfileSecrets secrets, Func<Exception, Exception> formatError)
    {
        var name = json.RequiredString("name");
        if (ClusterRecord.NameProblem(name) is { } problem)
        {
            throw new ProfileFormatException($"{json.Path}.name", $"'{name}' cannot be a cluster name: it {problem}");
        }

        var registeredAt = json.RequiredTimestamp("registeredAt");
        var cluster = new ClusterRecord(name, json.RequiredHttpUrl("server"), registeredAt)
        {
            DisplayName = json.OptionalString("displayName"),
            Description = json.OptionalString("description"),
            ClusterUid = json.OptionalString("clusterUid"),
            ServerVersion = json.OptionalString("serverVersion"),
            SharedCertificateAuthorityPem = json.OptionalString("sharedCertificateAuthority"),
            ContextName = json.OptionalString("contextName"),
            UserName = json.OptionalString("userName"),
            CertificateNotAfter = json.OptionalTimestamp("certificateNotAfter"),
            Permissions = json.OptionalObject("permissions") is { } permissions
                ? new ClusterPermissions(permissions.OptionalBool("canListAllNamespaces"), permissions.OptionalBool("readOnly"))
                : null,
            UpdatedAt = json.OptionalTimestamp("updatedAt") ?? registeredAt,
            UnknownFields = json.Unknown(ClusterProperties),
        };
        foreach (var (key, value) in json.OptionalStringMap("labels"))
        {
            cluster.Labels.Add(key, value);
        }

        foreach (var workspace in json.OptionalStrings("workspaces"))
        {
            cluster.Workspaces.Add(workspace);
        }

        if (json.OptionalObject("access") is { } access)
        {
            var stored = new StoredAccess(json.Optional("access")!.Value.Clone(), access.Path, secrets, formatError);
            cluster.SetStoredAccess(stored, json.OptionalString("authKind"));
        }

        return cluster;
    }

    private static void WriteCluster(Utf8JsonWriter writer, ClusterRecord cluster, ProfileSecrets secrets)
    {
        writer.WriteStartObject();
        writer.WriteString("name", cluster.Name);
        writer.WriteIfSet("displayName", cluster.DisplayName);
        writer.WriteIfSet("description", cluster.Description);
        writer.WriteIfAny("labels", cluster.Labels);
        writer.WriteIfAny("workspaces", cluster.Workspaces);
        writer.WriteString("server", cluster.Server.OriginalString);
        writer.WriteIfSet("clusterUid", cluster.ClusterUid);
        writer.WriteIfSet("serverVersion", cluster.ServerVersion);
        writer.WriteIfSet("contextName", cluster.ContextName);
        writer.WriteIfSet("authKind", cluster.AuthKind);
        writer.WriteIfSet("userName", cluster.UserName);
        writer.WriteIfSet("sharedCertificateAuthority", cluster.SharedCertificateAuthorityPem);
        if (cluster.CertificateNotAfter is { } notAfter)
        {
            writer.WriteString("certificateNotAfter", notAfter);
        }

        if (cluster.Permissions is { } permissions)
        {
            writer.WriteStartObject("permissions");
            writer.WriteBoolean("canListAllNamespaces", permissions.CanListAllNamespaces);
            writer.WriteBoolean("readOnly", permissions.ReadOnly);
            writer.WriteEndObject();
        }

        writer.WriteString("registeredAt", cluster.RegisteredAt);
        writer.WriteString("updatedAt", cluster.UpdatedAt);
        switch (cluster.AccessToWrite)
        {
            case ({ } stored, _):
                // Copied as it was read, without re-encoding every string: most of a profile's bytes are here.
                writer.WritePropertyName("access");
                writer.WriteRawValue(stored.Json.GetRawText(), skipInputValidation: true);
                break;
            case (_, { } plain):
                writer.WritePropertyName("access");
                ClusterAccessJson.Write(writer, plain, cluster.Name, secrets);
                break;
        }

        WriteUnknown(writer, cluster.UnknownFields);
        writer.WriteEndObject();
    }

    private static void WriteUnknown(Utf8JsonWriter writer, List<KeyValuePair<string, JsonElement>> unknownFields)
    {
        foreach (var (name, value) in unknownFields)
        {
            writer.WritePropertyName(name);
            value.WriteTo(writer);
        }
    }

    private static string? EncodingProblem(byte[] content)
    {
        if (content.AsSpan().StartsWith<byte>([0xEF, 0xBB, 0xBF]))
        {
            return "it begins with a UTF-8 byte-order mark, which KubeFleet never writes (an editor added it): " +
                "save it again as UTF-8 without a byte-order mark";
        }

        if (content.AsSpan().StartsWith<byte>([0xFF, 0xFE]) || content.AsSpan().StartsWith<byte>([0xFE, 0xFF]))
        {
            return "it is UTF-16 text, and a profile is UTF-8: save it again as UTF-8 without a byte-order mark";
        }

        if (content.AsSpan().Trim(" \t\r\n"u8).IsEmpty)
        {
            return "it is empty (a write was interrupted, or it was truncated)";
        }

        return Utf8.IsValid(content) ? null : "it is not UTF-8 text (it holds binary data)";
    }

    /// <summary>Says whether the JSON was cut short, nested too deep, or is simply not JSON, and where.</summary>
    private static string SyntaxProblem(byte[] content, JsonException parseError)
    {
        var reader = new Utf8JsonReader(content, isFinalBlock: false, new JsonReaderState(new JsonReaderOptions { MaxDepth = int.MaxValue }));
        var deepest = 0;
        try
        {
            while (reader.Read())
            {
                deepest = Math.Max(deepest, reader.CurrentDepth);
            }
        }
        catch (JsonException)
        {
            return $"it is not valid JSON (line {parseError.LineNumber + 1}, byte {parseError.BytePositionInLine + 1})";
        }

        return deepest >= MaxDepth
            ? $"it is nested more than {MaxDepth} levels deep, which no profile is"
            : "it ends in the middle of its JSON: it was cut short";
    }
}
