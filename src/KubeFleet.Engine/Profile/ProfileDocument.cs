using System.Text.Json;

namespace KubeFleet.Engine.Profile;

/// <summary>
/// What a profile holds: its schema version, its id, and the registered clusters. A document from
/// <see cref="ProfileStore.Read"/> is a snapshot; changes are saved only inside
/// <see cref="ProfileStore.Update{T}"/>.
/// </summary>
public sealed class ProfileDocument
{
    /// <summary>The schema this version writes; it reads older ones and refuses to write newer ones.</summary>
    public const int CurrentSchemaVersion = 1;

    private readonly List<ClusterRecord> clusters = [];
    private readonly Dictionary<string, ClusterRecord> clustersByName = new(StringComparer.OrdinalIgnoreCase);

    internal ProfileDocument(int schemaVersion, ProfileSecrets secrets, IEnumerable<ClusterRecord> clusters, List<KeyValuePair<string, JsonElement>> unknownFields)
    {
        SchemaVersion = schemaVersion;
        Secrets = secrets;
        UnknownFields = unknownFields;
        foreach (var cluster in clusters)
        {
            AddCluster(cluster);
        }
    }

    public int SchemaVersion { get; }

    /// <summary>Made at random when the profile is created; every sealed secret is bound to it.</summary>
    public Guid ProfileId => Secrets.ProfileId;

    /// <summary>Written by a newer KubeFleet: readable as far as this version understands it, never written.</summary>
    public bool IsFromNewerVersion => SchemaVersion > CurrentSchemaVersion;

    /// <summary>The clusters, in the order they were added.</summary>
    public IReadOnlyList<ClusterRecord> Clusters => clusters;

    internal ProfileSecrets Secrets { get; }

    internal List<KeyValuePair<string, JsonElement>> UnknownFields { get; }

    /// <summary>A profile with nothing in it is not worth creating a file for.</summary>
    internal bool IsEmpty => clusters.Count == 0 && UnknownFields.Count == 0 && Secrets.KeyCheck is null;

    internal static ProfileDocument CreateNew(ProfileKeySource keySource) =>
        new(CurrentSchemaVersion, new ProfileSecrets(Guid.NewGuid(), keyCheck: null, keySource), [], []);

    /// <summary>The cluster with this name, compared regardless of case; null when there is none.</summary>
    public ClusterRecord? FindCluster(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return clustersByName.GetValueOrDefault(name);
    }

    /// <exception cref="Errors.KubeFleetException">ClusterNameTaken: a cluster of that name (in any case) exists.</exception>
    public void AddCluster(ClusterRecord cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        if (clustersByName.TryGetValue(cluster.Name, out var existing))
        {
            throw ProfileErrors.ClusterNameTaken(cluster.Name, existing.Name);
        }

        // Secrets sealed for another profile are bound to its id: open them now, to be sealed for this one.
        if (cluster.AccessToWrite.Stored is { } stored && stored.Secrets != Secrets)
        {
            cluster.SetAccess(cluster.GetAccess());
        }

        clusters.Add(cluster);
        clustersByName.Add(cluster.Name, cluster);
    }

    /// <returns>False when there was no such cluster.</returns>
    public bool RemoveCluster(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!clustersByName.Remove(name, out var cluster))
        {
            return false;
        }

        clusters.Remove(cluster);
        return true;
    }
}
