using KubeFleet.Engine.Errors;
using KubeFleet.Engine.KubeConfig.Yaml;

namespace KubeFleet.Engine.KubeConfig;

/// <summary>
/// Reads one kubeconfig's text into its entries, with the field names and types of client-go's
/// <c>clientcmd/api/v1</c>: case-sensitive names, unknown fields ignored, <c>preferences</c> unused.
/// </summary>
internal static class KubeConfigContentParser
{
    /// <summary>The cluster extension whose content an exec plugin receives as <c>spec.cluster.config</c>.</summary>
    public const string ExecExtensionName = "client.authentication.k8s.io/exec";

    private static readonly string[] Sections = ["clusters", "users", "contexts", "current-context"];

    public static KubeConfigContent Parse(string text, KubeConfigOrigin origin)
    {
        var root = BoundedYamlReader.Read(text, origin);
        return root switch
        {
            null or YamlScalar { IsNull: true } => KubeConfigContent.Empty,
            YamlMapping mapping => ParseRoot(new YamlFields(mapping, "", origin), origin),
            _ => throw NotAKubeConfig(origin, "its top level is a list or a single value, where a kubeconfig has a mapping with clusters, users and contexts"),
        };
    }

    private static KubeConfigContent ParseRoot(YamlFields root, KubeConfigOrigin origin)
    {
        var kind = root.String("kind");
        var apiVersion = root.String("apiVersion");
        if (kind is not null && kind != "Config")
        {
            throw NotAKubeConfig(origin, $"it is a Kubernetes '{kind}' manifest (a kubeconfig has 'kind: Config')");
        }
        if (apiVersion is not null && apiVersion != "v1")
        {
            throw NotAKubeConfig(origin, $"its apiVersion is '{apiVersion}', where a kubeconfig has 'apiVersion: v1'");
        }
        if (kind is null && apiVersion is null && root.Mapping.Entries.Count > 0 && !Sections.Any(section => root.Mapping[section] is not null))
        {
            throw NotAKubeConfig(origin, "it has none of the sections a kubeconfig has (clusters, users, contexts, current-context)");
        }
        return new KubeConfigContent(
            Unique(root.List("clusters").Select(entry => ParseCluster(entry, origin)).ToList(), cluster => cluster.Name, "cluster", origin),
            Unique(root.List("users").Select(entry => ParseUser(entry, origin)).ToList(), user => user.Name, "user", origin),
            Unique(root.List("contexts").Select(entry => ParseContext(entry, origin)).ToList(), context => context.Name, "context", origin),
            root.String("current-context"));
    }

    private static ClusterEntry ParseCluster(YamlFields entry, KubeConfigOrigin origin)
    {
        var cluster = entry.Nested("cluster");
        return new ClusterEntry(NameOf(entry, "cluster", origin), origin)
        {
            Server = cluster?.String("server"),
            CertificateAuthority = cluster?.String("certificate-authority"),
            CertificateAuthorityData = cluster?.String("certificate-authority-data"),
            InsecureSkipTlsVerify = cluster?.Boolean("insecure-skip-tls-verify") ?? false,
            TlsServerName = cluster?.String("tls-server-name"),
            ProxyUrl = cluster?.String("proxy-url"),
            DisableCompression = cluster?.Boolean("disable-compression") ?? false,
            ExecExtensionJson = cluster is null ? null : ExecExtension(cluster),
        };
    }

    private static string? ExecExtension(YamlFields cluster) =>
        cluster.List("extensions")
            .Where(extension => extension.String("name") == ExecExtensionName)
            .Select(extension => extension.Value("extension"))
            .Where(content => content is not null)
            .Select(content => YamlToJson.Convert(content!))
            .FirstOrDefault();

    private static UserEntry ParseUser(YamlFields entry, KubeConfigOrigin origin)
    {
        var name = NameOf(entry, "user", origin);
        var user = entry.Nested("user");
        if (user is null)
        {
            return new UserEntry(name, origin);
        }
        return new UserEntry(name, origin)
        {
            ClientCertificate = user.String("client-certificate"),
            ClientCertificateData = user.String("client-certificate-data"),
            ClientKey = user.String("client-key"),
            ClientKeyData = user.String("client-key-data"),
            Token = user.String("token"),
            TokenFile = user.String("tokenFile"),
            Impersonate = user.String("as"),
            ImpersonateGroups = user.Strings("as-groups"),
            UnsupportedImpersonationField = new[] { "as-uid", "as-user-extra" }.FirstOrDefault(user.Has),
            HasBasicAuth = user.Has("username") || user.Has("password"),
            AuthProviderName = user.Nested("auth-provider") is { } provider ? provider.String("name") ?? "" : null,
            Exec = user.Nested("exec") is { } exec ? ParseExec(exec) : null,
        };
    }

    private static ExecEntry ParseExec(YamlFields exec) => new()
    {
        Command = exec.String("command"),
        ApiVersion = exec.String("apiVersion"),
        Args = exec.Strings("args"),
        Env = exec.List("env").Select(variable => new ExecEnvEntry(variable.String("name"), variable.String("value") ?? "")).ToList(),
        InteractiveMode = exec.String("interactiveMode"),
        ProvideClusterInfo = exec.Boolean("provideClusterInfo"),
        InstallHint = exec.String("installHint"),
    };

    private static ContextEntry ParseContext(YamlFields entry, KubeConfigOrigin origin)
    {
        var context = entry.Nested("context");
        return new ContextEntry(NameOf(entry, "context", origin), origin)
        {
            Cluster = context?.String("cluster"),
            User = context?.String("user"),
            Namespace = context?.String("namespace"),
        };
    }

    private static string NameOf(YamlFields entry, string kind, KubeConfigOrigin origin) =>
        entry.String("name") ?? throw new KubeFleetException(KubeConfigErrorIds.MissingName, ErrorKind.InvalidData,
            $"{origin.Description} has a {kind} with no name ({entry.Path}, {entry.Mapping.Position}). Every cluster, user and context needs a name: add one.",
            origin.Target);

    // client-go refuses a list naming two entries alike ("duplicate name ... in list"): the second
    // would silently replace the first.
    private static IReadOnlyList<T> Unique<T>(IReadOnlyList<T> entries, Func<T, string> nameOf, string kind, KubeConfigOrigin origin)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in entries.Select(nameOf))
        {
            if (!names.Add(name))
            {
                throw new KubeFleetException(KubeConfigErrorIds.DuplicateName, ErrorKind.InvalidData,
                    $"{origin.Description} defines the {kind} '{name}' twice. Remove or rename one of them.",
                    origin.Target);
            }
        }
        return entries;
    }

    private static KubeFleetException NotAKubeConfig(KubeConfigOrigin origin, string why) =>
        new(KubeConfigErrorIds.NotAKubeConfig, ErrorKind.InvalidData,
            $"{origin.Description} is not a kubeconfig: {why}. Check that the right file or text was given.",
            origin.Target);
}
