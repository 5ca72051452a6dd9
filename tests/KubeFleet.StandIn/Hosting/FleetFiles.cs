using System.Text.Json;
using System.Text.Json.Nodes;
using KubeFleet.StandIn.ExecPlugin;
using KubeFleet.StandIn.Hosting.Kubeconfigs;
using KubeFleet.StandIn.Security;

namespace KubeFleet.StandIn.Hosting;

/// <summary>
/// The files that describe a running fleet: <c>&lt;cluster&gt;.kubeconfig</c> (admin),
/// <c>&lt;cluster&gt;.&lt;user&gt;.kubeconfig</c> for every other user (the exec user's runs the
/// plugin in <c>exec-plugin/</c>), and <c>fleet.json</c> listing clusters and their kubeconfigs.
/// </summary>
public sealed record FleetFiles(string Folder, string FleetJsonPath, ExecPluginInstall ExecPlugin, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Kubeconfigs)
{
    public const string FleetJsonName = "fleet.json";

    /// <summary>The kubeconfig for <paramref name="user"/> of <paramref name="cluster"/>.</summary>
    public string KubeconfigFor(string cluster, string user = UserNames.Admin) => Kubeconfigs[cluster][user];

    internal static FleetFiles Write(StandInFleet fleet, string folder)
    {
        var target = Path.GetFullPath(folder);
        Directory.CreateDirectory(target);
        var plugin = fleet.InstallExecPlugin(Path.Combine(target, "exec-plugin"));
        var kubeconfigs = new Dictionary<string, IReadOnlyDictionary<string, string>>();
        var clusters = new JsonArray();
        foreach (var cluster in fleet.Clusters)
        {
            var paths = new Dictionary<string, string>();
            foreach (var user in cluster.Users)
            {
                var fileName = user.Name == UserNames.Admin ? $"{cluster.Name}.kubeconfig" : $"{cluster.Name}.{user.Name}.kubeconfig";
                var style = user.Credential == CredentialKind.Exec ? CredentialStyle.ExecV1 : CredentialStyle.Embedded;
                paths[user.Name] = new KubeconfigBuilder(plugin).Add(cluster, user, style).WriteTo(Path.Combine(target, fileName));
            }

            kubeconfigs[cluster.Name] = paths;
            var kubeconfigsJson = new JsonObject();
            foreach (var (user, path) in paths)
            {
                kubeconfigsJson[user] = path;
            }

            clusters.Add(new JsonObject
            {
                ["name"] = cluster.Name,
                ["server"] = cluster.Server.ToString().TrimEnd('/'),
                ["uid"] = cluster.Uid,
                ["version"] = cluster.Version,
                ["kubeconfigs"] = kubeconfigsJson,
            });
        }

        var fleetJson = Path.Combine(target, FleetJsonName);
        PrivateFile.WriteAllText(fleetJson, new JsonObject { ["clusters"] = clusters }.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        return new FleetFiles(target, fleetJson, plugin, kubeconfigs);
    }
}
