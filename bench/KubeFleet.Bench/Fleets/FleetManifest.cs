using System.Text.Json;

namespace KubeFleet.Bench.Fleets;

/// <summary>
/// A running fleet as the stand-in launcher (or <c>StandInFleet.WriteFiles</c>) describes it in
/// <c>DIR/fleet.json</c>: each cluster's name, server and admin kubeconfig.
/// </summary>
internal sealed record FleetManifest(string Folder, IReadOnlyList<FleetMember> Clusters)
{
    public const string FileName = "fleet.json";

    /// <exception cref="Engine.Errors.KubeFleetException">BenchFleetInvalid.</exception>
    public static FleetManifest Read(string folder)
    {
        var full = Path.GetFullPath(folder);
        var path = Path.Combine(full, FileName);
        byte[] content;
        try
        {
            content = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw BenchErrors.Fleet(
                $"Cannot read {path} ({e.Message}). Start a fleet first, e.g. dotnet run -c Release --project tests/KubeFleet.StandIn -- --clusters 20 --pods-per-cluster 5000 --out {folder}",
                path,
                e);
        }

        try
        {
            using var document = JsonDocument.Parse(content);
            var clusters = document.RootElement.GetProperty("clusters").EnumerateArray()
                .Select(cluster => new FleetMember(
                    cluster.GetProperty("name").GetString()!,
                    new Uri(cluster.GetProperty("server").GetString()!),
                    cluster.GetProperty("kubeconfigs").GetProperty("admin").GetString()!))
                .ToList();
            if (clusters.Count == 0)
            {
                throw BenchErrors.Fleet($"{path} lists no clusters; start the fleet again with --clusters 1 or more.", path);
            }

            return new FleetManifest(full, clusters);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or UriFormatException)
        {
            throw BenchErrors.Fleet($"{path} is not a fleet description the stand-in launcher wrote ({e.Message}); start the fleet again into an empty folder.", path, e);
        }
    }
}

/// <summary>One cluster of a fleet: its name, its API server, and the kubeconfig of its <c>admin</c> user.</summary>
internal sealed record FleetMember(string Name, Uri Server, string AdminKubeconfig);
