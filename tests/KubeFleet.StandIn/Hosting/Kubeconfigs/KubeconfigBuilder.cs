using KubeFleet.Engine.Errors;
using KubeFleet.StandIn.ExecPlugin;
using KubeFleet.StandIn.Security;
using YamlDotNet.Serialization;

namespace KubeFleet.StandIn.Hosting.Kubeconfigs;

/// <summary>
/// Builds kubeconfig files for stand-in clusters in the shapes real tools write: one or several
/// contexts, credentials inline, in files, or through the exec plugin (v1, v1beta1, EKS). Keys
/// come in kubectl's order (apiVersion, clusters, contexts, current-context, kind, preferences, users).
/// </summary>
public sealed class KubeconfigBuilder
{
    public const string ExecExtensionName = "client.authentication.k8s.io/exec";

    private static readonly ISerializer Yaml = new SerializerBuilder().WithQuotingNecessaryStrings().Build();

    private readonly ExecPluginInstall? execPlugin;
    private readonly List<KubeconfigEntry> entries = [];
    private string? currentContext;

    /// <param name="execPlugin">Where the exec plugin is installed; needed only for the exec styles.</param>
    public KubeconfigBuilder(ExecPluginInstall? execPlugin = null)
    {
        this.execPlugin = execPlugin;
    }

    /// <summary>Adds a context; the first one added is the current context unless <see cref="UseContext"/> says otherwise.</summary>
    public KubeconfigBuilder Add(KubeconfigEntry entry)
    {
        if (entries.Any(e => e.EffectiveContextName == entry.EffectiveContextName))
        {
            throw new KubeFleetException("StandInKubeconfigContextDuplicate", ErrorKind.InvalidArgument,
                $"The kubeconfig already has a context named '{entry.EffectiveContextName}'. Give the entry another ContextName.", entry.EffectiveContextName);
        }

        if ((entry.User is null) != (entry.Style == CredentialStyle.None))
        {
            throw new KubeFleetException("StandInKubeconfigUserMismatch", ErrorKind.InvalidArgument,
                "A kubeconfig entry has a user exactly when it has a credential style other than None.", entry.EffectiveContextName);
        }

        if (entry.Style is CredentialStyle.Embedded or CredentialStyle.Files && entry.User!.Credential == CredentialKind.Exec)
        {
            throw new KubeFleetException("StandInKubeconfigCredentialMissing", ErrorKind.InvalidArgument,
                $"User '{entry.User.Name}' signs in through the exec plugin only; use an exec style for it.", entry.User.Name);
        }

        entries.Add(entry);
        return this;
    }

    public KubeconfigBuilder Add(StandInCluster cluster, StandInUser user, CredentialStyle style) => Add(new KubeconfigEntry(cluster, user, style));

    public KubeconfigBuilder UseContext(string contextName)
    {
        currentContext = contextName;
        return this;
    }

    /// <summary>The kubeconfig as YAML. Entries in the <see cref="CredentialStyle.Files"/> style need <see cref="WriteTo"/>.</summary>
    public string ToYaml()
    {
        if (entries.Any(e => e.Style == CredentialStyle.Files))
        {
            throw new KubeFleetException("StandInKubeconfigNeedsFolder", ErrorKind.InvalidOperation,
                "Entries in the Files style keep credentials in files beside the kubeconfig; use WriteTo(path) for them.");
        }

        return Render(folder: null, baseName: "");
    }

    /// <summary>
    /// Writes the kubeconfig (and, for the <see cref="CredentialStyle.Files"/> style, its
    /// credential files beside it, referred to by relative paths as kubeconfigs often do), all
    /// owner-only. Returns <paramref name="path"/>.
    /// </summary>
    public string WriteTo(string path)
    {
        var fullPath = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(fullPath)!;
        Directory.CreateDirectory(folder);
        PrivateFile.WriteAllText(fullPath, Render(folder, Path.GetFileNameWithoutExtension(fullPath)));
        return fullPath;
    }

    private string Render(string? folder, string baseName)
    {
        if (entries.Count == 0)
        {
            throw new KubeFleetException("StandInKubeconfigEmpty", ErrorKind.InvalidOperation, "Add at least one context before building the kubeconfig.");
        }

        var current = currentContext ?? entries[0].EffectiveContextName;
        if (entries.All(e => e.EffectiveContextName != current))
        {
            throw new KubeFleetException("StandInKubeconfigContextNotFound", ErrorKind.InvalidArgument,
                $"The current context '{current}' is not one of the kubeconfig's contexts.", current);
        }

        var clusters = new List<object>();
        var contexts = new List<object>();
        var users = new List<object>();
        var clusterNames = new Dictionary<string, string>();
        foreach (var entry in entries)
        {
            var files = folder is null ? null : new CredentialFiles(folder, $"{baseName}.{entry.EffectiveContextName.Replace('/', '_').Replace(':', '_')}");
            var clusterBody = ClusterBody(entry, files);
            var clusterKey = Yaml.Serialize(clusterBody);
            if (!clusterNames.TryGetValue(clusterKey, out var clusterName))
            {
                var baseClusterName = entry.Style == CredentialStyle.Eks ? entry.EksArn : entry.Cluster.Name;
                clusterName = baseClusterName;
                for (var suffix = 2; clusterNames.ContainsValue(clusterName); suffix++)
                {
                    clusterName = $"{baseClusterName}-{suffix}";
                }

                clusterNames[clusterKey] = clusterName;
                clusters.Add(new Dictionary<string, object> { ["cluster"] = clusterBody, ["name"] = clusterName });
            }

            var userName = entry.EffectiveContextName;
            var context = new Dictionary<string, object> { ["cluster"] = clusterName };
            if (entry.Namespace is not null)
            {
                context["namespace"] = entry.Namespace;
            }

            context["user"] = userName;
            contexts.Add(new Dictionary<string, object> { ["context"] = context, ["name"] = entry.EffectiveContextName });
            users.Add(new Dictionary<string, object> { ["name"] = userName, ["user"] = UserBody(entry, files) });
        }

        return Yaml.Serialize(new Dictionary<string, object>
        {
            ["apiVersion"] = "v1",
            ["clusters"] = clusters,
            ["contexts"] = contexts,
            ["current-context"] = current,
            ["kind"] = "Config",
            ["preferences"] = new Dictionary<string, object>(),
            ["users"] = users,
        });
    }

    private static Dictionary<string, object> ClusterBody(KubeconfigEntry entry, CredentialFiles? files)
    {
        var body = new Dictionary<string, object>();
        if (!entry.Cluster.Options.PlainHttp)
        {
            if (entry.Style == CredentialStyle.Files)
            {
                body["certificate-authority"] = files!.Write("ca.crt", entry.Cluster.CertificateAuthorityPem);
            }
            else
            {
                body["certificate-authority-data"] = Base64(entry.Cluster.CertificateAuthorityPem);
            }
        }

        if (entry.Style == CredentialStyle.ExecV1)
        {
            body["extensions"] = new List<object>
            {
                new Dictionary<string, object>
                {
                    ["extension"] = new Dictionary<string, object> { ["clusterName"] = entry.Cluster.Name },
                    ["name"] = ExecExtensionName,
                },
            };
        }

        body["server"] = entry.Cluster.Server.ToString().TrimEnd('/');
        if (entry.TlsServerName is not null)
        {
            body["tls-server-name"] = entry.TlsServerName;
        }

        return body;
    }

    private Dictionary<string, object> UserBody(KubeconfigEntry entry, CredentialFiles? files)
    {
        if (entry.User is not { } user)
        {
            return new();
        }

        switch (entry.Style)
        {
            case CredentialStyle.Embedded when user.ClientCertificate is { } certificate:
                return new() { ["client-certificate-data"] = Base64(certificate.CertificatePem), ["client-key-data"] = Base64(certificate.PrivateKeyPem) };
            case CredentialStyle.Embedded:
                return new() { ["token"] = user.Token! };
            case CredentialStyle.Files when user.ClientCertificate is { } certificate:
                return new() { ["client-certificate"] = files!.Write("crt", certificate.CertificatePem), ["client-key"] = files.Write("key", certificate.PrivateKeyPem) };
            case CredentialStyle.Files:
                return new() { ["tokenFile"] = files!.Write("token", user.Token!) };
            case CredentialStyle.ExecV1:
                return Exec(new()
                {
                    ["apiVersion"] = "client.authentication.k8s.io/v1",
                    ["args"] = new List<string> { "--user", user.Name },
                    ["command"] = Plugin().PluginPath,
                    ["interactiveMode"] = "Never",
                    ["provideClusterInfo"] = true,
                });
            case CredentialStyle.ExecV1Beta1:
                return Exec(new()
                {
                    ["apiVersion"] = "client.authentication.k8s.io/v1beta1",
                    ["args"] = new List<string> { "--user", user.Name, "--cluster", entry.Cluster.Name },
                    ["command"] = Plugin().PluginPath,
                });
            default:
                if (user.Name != UserNames.ExecAdmin)
                {
                    throw new KubeFleetException("StandInKubeconfigEksUser", ErrorKind.InvalidArgument,
                        $"The EKS shape has no user argument, so it always signs in as '{UserNames.ExecAdmin}', not '{user.Name}'.", user.Name);
                }

                return Exec(new()
                {
                    ["apiVersion"] = "client.authentication.k8s.io/v1beta1",
                    ["args"] = new List<string> { "--region", entry.EksRegion, "eks", "get-token", "--cluster-name", entry.Cluster.Name, "--output", "json" },
                    ["command"] = "aws",
                });
        }
    }

    private static Dictionary<string, object> Exec(Dictionary<string, object> exec) => new() { ["exec"] = exec };

    private ExecPluginInstall Plugin() => execPlugin ?? throw new KubeFleetException("StandInKubeconfigNeedsExecPlugin", ErrorKind.InvalidOperation,
        "Exec-style entries run the stand-in's exec plugin: create the builder with fleet.InstallExecPlugin(folder).");

    private static string Base64(string text) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(text));

    /// <summary>Credential files for one context, named after the kubeconfig and the context.</summary>
    private sealed class CredentialFiles(string folder, string prefix)
    {
        /// <summary>Writes the file owner-only and returns its path relative to the kubeconfig.</summary>
        public string Write(string extension, string content)
        {
            var name = $"{prefix}.{extension}";
            PrivateFile.WriteAllText(Path.Combine(folder, name), content);
            return name;
        }
    }
}
