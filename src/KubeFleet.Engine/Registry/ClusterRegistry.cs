using KubeFleet.Engine.Profile;
using KubeFleet.Engine.Workspaces;

namespace KubeFleet.Engine.Registry;

/// <summary>
/// The registered clusters of one profile: selecting them, editing what describes them, removing
/// them. Nothing here opens a sealed secret or touches the network, so listing a large profile
/// stays cheap. Registering and rotating credentials, which verify against the cluster, are
/// <see cref="ClusterRegistrar"/>'s.
/// </summary>
public sealed class ClusterRegistry
{
    private readonly ProfileStore profile;

    public ClusterRegistry(ProfileStore profile, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        this.profile = profile;
        Clock = clock ?? TimeProvider.System;
    }

    public string ProfilePath => profile.Location.Path;

    internal TimeProvider Clock { get; }

    /// <param name="notFoundErrorId">The id of the error for an exact name that names no cluster (each cmdlet has its own).</param>
    /// <exception cref="Errors.KubeFleetException">ProfileCorrupt, ProfileFromNewerVersion, ProfileReadFailed.</exception>
    public ClusterSelection Select(ClusterFilter filter, string notFoundErrorId)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var document = profile.Read();
        var clusters = document.Clusters.Where(filter.Matches).OrderBy(cluster => cluster.Name, StringComparer.OrdinalIgnoreCase).ToList();
        var missing = filter.Names
            .Where(name => name.Literal is { } literal && document.FindCluster(literal) is null)
            .Select(name => RegistryErrors.NotFound(notFoundErrorId, name.Literal!, ProfilePath))
            .Concat(filter.Workspaces
                .Where(workspace => workspace.Literal is { } literal && !document.Clusters.Any(cluster => cluster.Workspaces.Contains(literal, StringComparer.OrdinalIgnoreCase)))
                .Select(workspace => WorkspaceErrors.NotFound(workspace.Literal!, ProfilePath)))
            .ToList();
        return new ClusterSelection(clusters, missing);
    }

    /// <summary>The cluster of that name (compared regardless of case), or null.</summary>
    public ClusterRecord? Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return profile.Read().FindCluster(name);
    }

    /// <summary>Applies <paramref name="edit"/>; <see cref="ClusterRecord.UpdatedAt"/> moves only when something changed.</summary>
    /// <exception cref="Errors.KubeFleetException">SetKubeClusterNotFound, KubeClusterLabelInvalid, KubeWorkspaceNameInvalid, or a profile error.</exception>
    public ClusterEditResult Edit(string name, ClusterEdit edit)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(edit);
        var labels = edit.Labels is null ? null : ClusterLabels.Checked(edit.Labels);
        var workspaces = edit.Workspaces?.Checked();
        return Update(document =>
        {
            var cluster = document.FindCluster(name) ?? throw RegistryErrors.NotFound(RegistryErrorIds.SetNotFound, name, ProfilePath);
            var changes = new List<string>();
            if (edit.DisplayName is { } displayName && EmptyAsNull(displayName) != cluster.DisplayName)
            {
                cluster.DisplayName = EmptyAsNull(displayName);
                changes.Add(cluster.DisplayName is null ? "cleared its display name" : $"set its display name to '{cluster.DisplayName}'");
            }

            if (edit.Description is { } description && EmptyAsNull(description) != cluster.Description)
            {
                cluster.Description = EmptyAsNull(description);
                changes.Add(cluster.Description is null ? "cleared its description" : $"set its description to '{cluster.Description}'");
            }

            if (labels is not null && !SameLabels(cluster.Labels, labels))
            {
                cluster.Labels.Clear();
                foreach (var (key, value) in labels)
                {
                    cluster.Labels.Add(key, value);
                }

                changes.Add(labels.Count == 0 ? "removed its labels" : $"set its labels to {Describe(labels)}");
            }

            if (workspaces?.ApplyTo(cluster.Workspaces) is { } membership)
            {
                changes.Add(membership);
            }

            if (changes.Count > 0)
            {
                cluster.UpdatedAt = Clock.GetUtcNow();
            }

            return new ClusterEditResult(cluster, changes);
        });
    }

    /// <summary>Removes the clusters and their credentials in one write.</summary>
    /// <returns>The names removed; a name no longer registered (removed meanwhile) is skipped.</returns>
    public IReadOnlyList<string> Unregister(IReadOnlyCollection<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        if (names.Count == 0)
        {
            return [];
        }

        return Update(document =>
        {
            var removed = new List<string>();
            foreach (var name in names)
            {
                if (document.FindCluster(name) is { } cluster && document.RemoveCluster(name))
                {
                    removed.Add(cluster.Name);
                }
            }

            return removed;
        });
    }

    /// <summary>Every workspace that has a cluster in it, ordered by name.</summary>
    /// <exception cref="Errors.KubeFleetException">ProfileCorrupt, ProfileFromNewerVersion, ProfileReadFailed.</exception>
    public IReadOnlyList<Workspace> Workspaces() => Workspace.Of(profile.Read().Clusters);

    /// <summary>Labels as a person reads them: <c>env=prod, team=web</c>.</summary>
    public static string Describe(IEnumerable<KeyValuePair<string, string>> labels) =>
        string.Join(", ", labels.Select(label => $"{label.Key}={label.Value}"));

    internal T Update<T>(Func<ProfileDocument, T> change) => profile.Update(change);

    private static string? EmptyAsNull(string text) => text.Length == 0 ? null : text;

    private static bool SameLabels(IDictionary<string, string> current, IReadOnlyDictionary<string, string> wanted) =>
        current.Count == wanted.Count && wanted.All(label => current.TryGetValue(label.Key, out var value) && value == label.Value);
}
