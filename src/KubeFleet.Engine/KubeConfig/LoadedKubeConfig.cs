using System.Text.RegularExpressions;
using KubeFleet.Engine.Connections;
using KubeFleet.Engine.Errors;

namespace KubeFleet.Engine.KubeConfig;

/// <summary>
/// A kubeconfig loaded from text or from files merged in KUBECONFIG order, ready to resolve
/// contexts. Nothing that a context names is read or checked until it is resolved.
/// </summary>
public sealed partial class LoadedKubeConfig
{
    private readonly Dictionary<string, ClusterEntry> clusters = new(StringComparer.Ordinal);
    private readonly Dictionary<string, UserEntry> users = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ContextEntry> contexts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> registrationNames;

    /// <summary>
    /// Merges as client-go's loader does: the first file to define a cluster, user or context name
    /// wins (entries are never mixed field by field), and so does the first current-context set.
    /// </summary>
    internal LoadedKubeConfig(IReadOnlyList<KubeConfigContent> contents, IReadOnlyList<string> sourceFiles, IReadOnlyList<string> warnings)
    {
        var contextOrder = new List<ContextEntry>();
        foreach (var content in contents)
        {
            foreach (var cluster in content.Clusters)
            {
                clusters.TryAdd(cluster.Name, cluster);
            }
            foreach (var user in content.Users)
            {
                users.TryAdd(user.Name, user);
            }
            foreach (var context in content.Contexts.Where(context => contexts.TryAdd(context.Name, context)))
            {
                contextOrder.Add(context);
            }
            CurrentContext ??= content.CurrentContext;
        }
        SourceFiles = sourceFiles;
        Warnings = warnings;
        var names = RegistrationNames.DeriveUnique(contextOrder.Select(context => context.Name).ToList());
        registrationNames = contextOrder.Select((context, index) => (context.Name, names[index])).ToDictionary(pair => pair.Name, pair => pair.Item2, StringComparer.Ordinal);
        Contexts = contextOrder.Select(context => new KubeConfigContextEntry
        {
            Name = context.Name,
            RegistrationName = registrationNames[context.Name],
            ClusterName = context.Cluster,
            UserName = context.User,
            Namespace = context.Namespace,
            IsCurrent = context.Name == CurrentContext,
            SourceFile = context.Origin.FilePath,
        }).ToList();
    }

    /// <summary>The files merged, in order (empty for text).</summary>
    public IReadOnlyList<string> SourceFiles { get; }

    public string? CurrentContext { get; }

    /// <summary>Every context, in the order the kubeconfig defines them.</summary>
    public IReadOnlyList<KubeConfigContextEntry> Contexts { get; }

    /// <summary>What loading noticed, such as KUBECONFIG files that do not exist (skipped, as kubectl does).</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>
    /// The named context, or the current one when <paramref name="contextName"/> is null or empty,
    /// with every file it names read and every rule checked.
    /// </summary>
    public ResolvedContext ResolveContext(string? contextName = null)
    {
        var (context, selection) = FindContext(contextName);
        var owner = $"context '{context.Name}' {context.Origin.Where}";
        var cluster = FindCluster(context, owner);
        var user = FindUser(context, owner);
        CheckNamespace(context, owner);

        var warnings = new List<string>();
        if (user is null)
        {
            warnings.Add($"The {owner} names no user, so requests to the cluster are anonymous.");
        }
        var userSettings = user is null ? UserSettings.Anonymous : UserSettings.Read(user, warnings);
        var clusterSettings = ClusterSettings.Read(cluster, UserSettings.UsesClientCertificate(user));
        if (clusterSettings.Server.Scheme == Uri.UriSchemeHttp && userSettings.Credential is not AnonymousCredential)
        {
            throw new KubeFleetException(KubeConfigErrorIds.PlainHttpCredentials, ErrorKind.SecurityError,
                $"The cluster '{cluster.Name}' {cluster.Origin.Where} is served over plain http:// ({clusterSettings.Server}), and the user '{user!.Name}' has a {userSettings.Credential.Kind} credential. " +
                "Like client-go, KubeFleet never sends credentials over plain HTTP, where anyone on the way can read them. Use the server's https:// address.",
                cluster.Origin.Target);
        }
        if (clusterSettings.InsecureSkipTlsVerify)
        {
            warnings.Add(InsecureTlsWarning.For(cluster.Name));
        }
        var access = new ClusterAccess
        {
            Server = clusterSettings.Server,
            CertificateAuthorityPem = clusterSettings.CertificateAuthorityPem,
            TlsServerName = clusterSettings.TlsServerName,
            InsecureSkipTlsVerify = clusterSettings.InsecureSkipTlsVerify,
            ProxyUrl = clusterSettings.ProxyUrl,
            DisableCompression = clusterSettings.DisableCompression,
            Credential = userSettings.Credential,
            Impersonate = userSettings.Impersonate,
            ImpersonateGroups = userSettings.ImpersonateGroups,
            ExecClusterConfigJson = clusterSettings.ExecClusterConfigJson,
        };
        return new ResolvedContext
        {
            ContextName = context.Name,
            Selection = selection,
            RegistrationName = registrationNames[context.Name],
            ClusterName = cluster.Name,
            UserName = user?.Name,
            Namespace = context.Namespace,
            SourceFile = context.Origin.FilePath,
            Access = access,
            ClientCertificate = userSettings.ClientCertificate,
            ExecCommand = userSettings.Credential is ExecCredential exec ? ExecCommandLine.Describe(exec.Config) : null,
            Warnings = warnings,
        };
    }

    private (ContextEntry Context, ContextSelection Selection) FindContext(string? contextName)
    {
        if (contexts.Count == 0)
        {
            throw new KubeFleetException(KubeConfigErrorIds.NoContexts, ErrorKind.ObjectNotFound,
                $"{DescribeSources()} defines no contexts. Check that the right kubeconfig was given, or add a context ('kubectl config set-context').",
                SourceTarget);
        }
        if (!string.IsNullOrEmpty(contextName))
        {
            if (contexts.TryGetValue(contextName, out var named))
            {
                return (named, ContextSelection.Named);
            }
            var nearest = contexts.Keys.FirstOrDefault(name => string.Equals(name, contextName, StringComparison.OrdinalIgnoreCase));
            throw new KubeFleetException(KubeConfigErrorIds.ContextNotFound, ErrorKind.ObjectNotFound,
                $"context was not found for specified context: {contextName}. {(nearest is null ? "" : $"Context names are case-sensitive: did you mean '{nearest}'? ")}The contexts {DescribeSources(lowercase: true)} defines are: {QuotedContextNames()}.",
                contextName);
        }
        if (CurrentContext is null)
        {
            throw new KubeFleetException(KubeConfigErrorIds.NoCurrentContext, ErrorKind.InvalidArgument,
                $"{DescribeSources()} sets no current-context, and no context was named. Name one with -Context ({QuotedContextNames()}), or register them all with -AllContexts.",
                SourceTarget);
        }
        if (!contexts.TryGetValue(CurrentContext, out var current))
        {
            throw new KubeFleetException(KubeConfigErrorIds.ContextNotFound, ErrorKind.ObjectNotFound,
                $"The current-context is '{CurrentContext}', but {DescribeSources(lowercase: true)} defines no context of that name. Name one with -Context ({QuotedContextNames()}), or fix current-context ('kubectl config use-context').",
                CurrentContext);
        }
        return (current, ContextSelection.CurrentContext);
    }

    private ClusterEntry FindCluster(ContextEntry context, string owner)
    {
        if (context.Cluster is null)
        {
            throw new KubeFleetException(KubeConfigErrorIds.ClusterNotFound, ErrorKind.InvalidData,
                $"The {owner} names no cluster (cluster was not specified for context '{context.Name}'). Add the cluster to the context.",
                context.Origin.Target);
        }
        return clusters.GetValueOrDefault(context.Cluster) ?? throw new KubeFleetException(KubeConfigErrorIds.ClusterNotFound, ErrorKind.InvalidData,
            $"The {owner} names the cluster '{context.Cluster}', which is not defined. Defined clusters: {ListOrNone(clusters.Keys)}. Fix the context, or add the cluster.",
            context.Origin.Target);
    }

    private UserEntry? FindUser(ContextEntry context, string owner) =>
        context.User is null
            ? null
            : users.GetValueOrDefault(context.User) ?? throw new KubeFleetException(KubeConfigErrorIds.UserNotFound, ErrorKind.InvalidData,
                $"The {owner} names the user '{context.User}', which is not defined. Defined users: {ListOrNone(users.Keys)}. Fix the context, or add the user.",
                context.Origin.Target);

    private static void CheckNamespace(ContextEntry context, string owner)
    {
        if (context.Namespace is not null && !DnsLabel().IsMatch(context.Namespace))
        {
            throw new KubeFleetException(KubeConfigErrorIds.NamespaceInvalid, ErrorKind.InvalidData,
                $"The namespace '{context.Namespace}' of the {owner} does not conform to the kubernetes DNS_LABEL rules: at most 63 lowercase letters, digits and '-', starting and ending with a letter or digit. Fix the namespace.",
                context.Origin.Target);
        }
    }

    private string QuotedContextNames() => string.Join(", ", Contexts.Select(context => $"'{context.Name}'"));

    private static string ListOrNone(IEnumerable<string> names) =>
        names.Any() ? string.Join(", ", names.Select(name => $"'{name}'")) : "none";

    private string DescribeSources(bool lowercase = false)
    {
        var description = SourceFiles.Count switch
        {
            0 => "The kubeconfig text",
            1 => $"The kubeconfig '{SourceFiles[0]}'",
            _ => $"The kubeconfig merged from {string.Join(", ", SourceFiles.Select(file => $"'{file}'"))}",
        };
        return lowercase ? char.ToLowerInvariant(description[0]) + description[1..] : description;
    }

    private object SourceTarget => SourceFiles.Count == 1 ? SourceFiles[0] : "kubeconfig";

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex DnsLabel();
}
