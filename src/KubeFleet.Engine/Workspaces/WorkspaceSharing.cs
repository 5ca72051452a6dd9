using KubeFleet.Engine.Errors;
using KubeFleet.Engine.Profile;
using KubeFleet.Engine.Registry;

namespace KubeFleet.Engine.Workspaces;

/// <summary>
/// KubeSphere's "invite a user to a workspace" for a client-side tool: a workspace's registrations
/// leave one profile without any credential, and join another as clusters its user gives their own
/// credential to (Update-KubeClusterCertificate, which must reach the same cluster).
/// </summary>
public sealed class WorkspaceSharing(ClusterRegistry registry)
{
    /// <summary>The workspace as it would be exported: its clusters' registrations, without credentials.</summary>
    /// <exception cref="KubeFleetException">KubeWorkspaceNotFound; a profile error; a profile key error when a cluster's CA is sealed.</exception>
    public SharedWorkspace Share(string workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var clusters = registry.Select(ClusterFilter.All, RegistryErrorIds.GetNotFound).Clusters
            .Where(cluster => cluster.Workspaces.Contains(workspace, StringComparer.OrdinalIgnoreCase))
            .ToList();
        if (clusters.Count == 0)
        {
            throw WorkspaceErrors.NotFound(workspace, registry.ProfilePath);
        }

        var name = clusters[0].Workspaces.First(member => string.Equals(member, workspace, StringComparison.OrdinalIgnoreCase));
        return new SharedWorkspace(name, registry.Clock.GetUtcNow(), clusters.Select(Shared).ToList());
    }

    /// <summary>Writes <paramref name="shared"/> to <paramref name="path"/> in one atomic step.</summary>
    /// <exception cref="KubeFleetException">ExportKubeWorkspaceFileExists without <paramref name="overwrite"/>; ExportKubeWorkspaceWriteFailed.</exception>
    public static void Write(SharedWorkspace shared, string path, bool overwrite)
    {
        ArgumentNullException.ThrowIfNull(shared);
        if (!overwrite && File.Exists(path))
        {
            throw WorkspaceErrors.ExportFileExists(path);
        }

        try
        {
            AtomicFile.Create(path, shared.ToJson(), overwrite);
        }
        catch (IOException) when (!overwrite && File.Exists(path))
        {
            throw WorkspaceErrors.ExportFileExists(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw WorkspaceErrors.ExportWriteFailed(path, e);
        }
    }

    /// <summary>
    /// Adds the shared clusters that <paramref name="accepted"/> names, in one profile write: new
    /// ones without a credential, and ones already registered (same name and UID) into the
    /// workspace. A conflict is that cluster's error; the others are imported all the same.
    /// </summary>
    /// <exception cref="KubeFleetException">A profile error, when the profile cannot be read or written.</exception>
    public IReadOnlyList<ImportOutcome> Import(SharedWorkspace shared, IReadOnlySet<string> accepted)
    {
        ArgumentNullException.ThrowIfNull(shared);
        ArgumentNullException.ThrowIfNull(accepted);
        return registry.Update(document => shared.Clusters
            .Where(cluster => accepted.Contains(cluster.Name))
            .Select(cluster => ImportOne(document, shared.Name, cluster))
            .ToList());
    }

    private ImportOutcome ImportOne(ProfileDocument document, string workspace, SharedCluster shared)
    {
        if (document.FindCluster(shared.Name) is { } namesake)
        {
            if (shared.ClusterUid is null || !string.Equals(namesake.ClusterUid, shared.ClusterUid, StringComparison.OrdinalIgnoreCase))
            {
                return new ImportOutcome(shared.Name, ImportResult.Conflict, null, WorkspaceErrors.NameConflict(shared.Name, namesake.ClusterUid, shared.ClusterUid, workspace));
            }

            var joined = new WorkspaceMembership { Add = [workspace] }.ApplyTo(namesake.Workspaces) is not null;
            if (joined)
            {
                namesake.UpdatedAt = registry.Clock.GetUtcNow();
            }

            return new ImportOutcome(shared.Name, joined ? ImportResult.Joined : ImportResult.Unchanged, namesake, null);
        }

        if (shared.ClusterUid is not null
            && document.Clusters.FirstOrDefault(other => string.Equals(other.ClusterUid, shared.ClusterUid, StringComparison.OrdinalIgnoreCase)) is { } twin)
        {
            return new ImportOutcome(shared.Name, ImportResult.Conflict, null, WorkspaceErrors.ClusterConflict(shared.Name, twin.Name, shared.ClusterUid, workspace));
        }

        var cluster = new ClusterRecord(shared.Name, shared.Server, registry.Clock.GetUtcNow())
        {
            DisplayName = shared.DisplayName,
            Description = shared.Description,
            ClusterUid = shared.ClusterUid,
            ServerVersion = shared.ServerVersion,
            SharedCertificateAuthorityPem = shared.CertificateAuthorityPem,
        };
        foreach (var (key, value) in ClusterLabels.Checked(shared.Labels))
        {
            cluster.Labels.Add(key, value);
        }

        cluster.Workspaces.Add(workspace);
        document.AddCluster(cluster);
        return new ImportOutcome(shared.Name, ImportResult.Added, cluster, null);
    }

    private static SharedCluster Shared(ClusterRecord cluster) => new()
    {
        Name = cluster.Name,
        DisplayName = cluster.DisplayName,
        Description = cluster.Description,
        Labels = new Dictionary<string, string>(cluster.Labels, StringComparer.Ordinal),
        Server = cluster.Server,
        CertificateAuthorityPem = (cluster.HasAccess ? cluster.GetAccess()?.CertificateAuthorityPem : null) ?? cluster.SharedCertificateAuthorityPem,
        ClusterUid = cluster.ClusterUid,
        ServerVersion = cluster.ServerVersion,
    };
}

/// <summary>How importing one shared cluster ended.</summary>
public enum ImportResult
{
    /// <summary>Registered anew, without a credential.</summary>
    Added,

    /// <summary>Already registered under that name, for that cluster: now in the workspace too.</summary>
    Joined,

    /// <summary>Already registered and in the workspace: nothing to do.</summary>
    Unchanged,

    /// <summary>Not imported: see the error.</summary>
    Conflict,
}

/// <param name="Cluster">The cluster as the profile now holds it; null for a conflict.</param>
/// <param name="Error">ImportKubeWorkspaceNameConflict or ImportKubeWorkspaceClusterConflict; null otherwise.</param>
public sealed record ImportOutcome(string ClusterName, ImportResult Result, ClusterRecord? Cluster, KubeFleetException? Error);
