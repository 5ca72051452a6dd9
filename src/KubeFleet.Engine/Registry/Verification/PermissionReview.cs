using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KubeFleet.Engine.Connections;
using KubeFleet.Engine.Connections.Http;

namespace KubeFleet.Engine.Registry.Verification;

/// <summary>
/// Asks a cluster what its credential may do. "Can it list across namespaces" is one access review.
/// "Is it read-only" needs the rules of every namespace, since a Role can grant writes in just one:
/// rules reviews of each namespace the credential can list (cluster-wide rules show up in each),
/// stopping at the first write. Where the cluster cannot tell, the verdict is unknown, not guessed.
/// </summary>
internal sealed class PermissionReview
{
    /// <summary>Beyond this many namespaces a verdict would cost too many requests; it stays unknown.</summary>
    public const int MaxReviewedNamespaces = 200;

    private const string AccessReviewPath = "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews";
    private const string RulesReviewPath = "/apis/authorization.k8s.io/v1/selfsubjectrulesreviews";
    private const int ParallelReviews = 4;

    private static readonly HashSet<string> ReadVerbs = new(StringComparer.OrdinalIgnoreCase) { "get", "list", "watch" };
    private static readonly HashSet<string> ReadNonResourceVerbs = new(StringComparer.OrdinalIgnoreCase) { "get", "head", "options" };

    // Every authenticated user may create these; creating one changes nothing in the cluster.
    private static readonly HashSet<string> SelfReviews = new(StringComparer.Ordinal) { "selfsubjectaccessreviews", "selfsubjectrulesreviews", "selfsubjectreviews" };

    // Asked one by one when rules reviews are incomplete (webhook authorizers, as on EKS and GKE).
    private static readonly (string Verb, string Group, string Resource)[] WriteProbes =
        [.. from verb in new[] { "create", "update", "patch", "delete" }
            from target in new[] { ("", "pods"), ("apps", "deployments"), ("", "secrets"), ("", "configmaps") }
            select (verb, target.Item1, target.Item2)];

    private readonly ClusterConnection _connection;

    public PermissionReview(ClusterConnection connection)
    {
        _connection = connection;
    }

    public async Task<ClusterPermissions> ReviewAsync(CancellationToken cancellationToken)
    {
        var canListPods = await CanAsync("list", "", "pods", cancellationToken).ConfigureAwait(false);
        var canListNamespaces = await CanAsync("list", "", "namespaces", cancellationToken).ConfigureAwait(false);
        var (readOnly, basis) = await ReadOnlyVerdictAsync(canListNamespaces == true, cancellationToken).ConfigureAwait(false);
        return new ClusterPermissions(canListPods, readOnly, basis);
    }

    private async Task<(bool? ReadOnly, string Basis)> ReadOnlyVerdictAsync(bool canListNamespaces, CancellationToken cancellationToken)
    {
        var (namespaces, allListed) = canListNamespaces
            ? await ListNamespacesAsync(cancellationToken).ConfigureAwait(false)
            : (["default"], false);

        var outcome = await ReviewRulesAsync(namespaces, cancellationToken).ConfigureAwait(false);
        if (outcome.Write is { } write)
        {
            return (false, $"may {write}");
        }

        if (outcome.Refused)
        {
            return (null, "the cluster refused rules reviews");
        }

        if (outcome.Incomplete)
        {
            var probed = await ProbeWritesAsync(cancellationToken).ConfigureAwait(false);
            return probed is { } probedWrite
                ? (false, $"may {probedWrite}")
                : (null, "the cluster's authorizer cannot list every rule, and no common write was allowed");
        }

        if (!canListNamespaces)
        {
            return (null, "no write in namespace 'default' or cluster-wide, but the credential cannot list namespaces, so rules in the others are unknown");
        }

        return allListed
            ? (true, $"no write permission cluster-wide or in any of the {namespaces.Count} namespaces")
            : (null, $"the cluster has more than {MaxReviewedNamespaces} namespaces; no write in the first {namespaces.Count}");
    }

    private async Task<RulesOutcome> ReviewRulesAsync(IReadOnlyList<string> namespaces, CancellationToken cancellationToken)
    {
        var outcome = new RulesOutcome();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var options = new ParallelOptions { MaxDegreeOfParallelism = ParallelReviews, CancellationToken = stop.Token };
        try
        {
            await Parallel.ForEachAsync(namespaces, options, async (name, token) =>
            {
                var review = await RulesReviewAsync(name, token).ConfigureAwait(false);
                lock (outcome)
                {
                    outcome.Refused |= review is null;
                    if (review is null)
                    {
                        return;
                    }

                    outcome.Incomplete |= review.Value.Incomplete;
                    outcome.Write ??= review.Value.Write;
                    if (outcome.Write is not null)
                    {
                        stop.Cancel();
                    }
                }
            }).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && outcome.Write is not null)
        {
            // Stopped early: one write is enough for the verdict.
        }

        return outcome;
    }

    private async Task<(bool Incomplete, string? Write)?> RulesReviewAsync(string namespaceName, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["kind"] = "SelfSubjectRulesReview",
            ["apiVersion"] = "authorization.k8s.io/v1",
            ["spec"] = new JsonObject { ["namespace"] = namespaceName },
        };
        using var answer = await PostOrNullAsync(RulesReviewPath, body, cancellationToken).ConfigureAwait(false);
        if (answer is null || !answer.RootElement.TryGetProperty("status", out var status))
        {
            return null;
        }

        var incomplete = status.TryGetProperty("incomplete", out var flag) && flag.ValueKind == JsonValueKind.True;
        return (incomplete, FindWrite(status, namespaceName));
    }

    private static string? FindWrite(JsonElement status, string namespaceName)
    {
        foreach (var rule in Array(status, "resourceRules"))
        {
            var resources = Strings(rule, "resources").ToList();
            if (resources.Count > 0 && resources.All(SelfReviews.Contains))
            {
                continue;
            }

            if (Strings(rule, "verbs").FirstOrDefault(verb => !ReadVerbs.Contains(verb)) is { } verb)
            {
                var group = Strings(rule, "apiGroups").FirstOrDefault() ?? "";
                var what = string.Join(", ", resources.Select(resource => Resource(group, resource)));
                return $"{Verb(verb)} {what} (rules in namespace '{namespaceName}')";
            }
        }

        foreach (var rule in Array(status, "nonResourceRules"))
        {
            if (Strings(rule, "verbs").FirstOrDefault(verb => !ReadNonResourceVerbs.Contains(verb)) is { } verb)
            {
                return $"{Verb(verb)} {string.Join(", ", Strings(rule, "nonResourceURLs"))}";
            }
        }

        return null;
    }

    private async Task<string?> ProbeWritesAsync(CancellationToken cancellationToken)
    {
        foreach (var (verb, group, resource) in WriteProbes)
        {
            if (await CanAsync(verb, group, resource, cancellationToken).ConfigureAwait(false) == true)
            {
                return $"{verb} {Resource(group, resource)} in all namespaces";
            }
        }

        return null;
    }

    /// <summary>One access review across all namespaces; null when the cluster refuses to review.</summary>
    private async Task<bool?> CanAsync(string verb, string group, string resource, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["kind"] = "SelfSubjectAccessReview",
            ["apiVersion"] = "authorization.k8s.io/v1",
            ["spec"] = new JsonObject
            {
                ["resourceAttributes"] = new JsonObject { ["namespace"] = "", ["verb"] = verb, ["group"] = group, ["resource"] = resource },
            },
        };
        using var answer = await PostOrNullAsync(AccessReviewPath, body, cancellationToken).ConfigureAwait(false);
        if (answer is null)
        {
            return null;
        }

        return answer.RootElement.TryGetProperty("status", out var status)
            && status.TryGetProperty("allowed", out var allowed)
            && allowed.ValueKind == JsonValueKind.True;
    }

    private async Task<(IReadOnlyList<string> Names, bool AllListed)> ListNamespacesAsync(CancellationToken cancellationToken)
    {
        using var list = await _connection.GetJsonAsync($"/api/v1/namespaces?limit={MaxReviewedNamespaces}", cancellationToken).ConfigureAwait(false);
        var names = Array(list.RootElement, "items")
            .Select(item => item.TryGetProperty("metadata", out var metadata) && metadata.TryGetProperty("name", out var name) ? name.GetString() : null)
            .OfType<string>()
            .ToList();
        var more = list.RootElement.TryGetProperty("metadata", out var listMetadata)
            && listMetadata.TryGetProperty("continue", out var token)
            && token.GetString() is { Length: > 0 };
        return (names, !more);
    }

    /// <summary>Reviews are advisory: a cluster that forbids or lacks them gets an unknown verdict, not a failed verification.</summary>
    private async Task<JsonDocument?> PostOrNullAsync(string path, JsonObject body, CancellationToken cancellationToken)
    {
        try
        {
            return await _connection.PostJsonAsync(path, Encoding.UTF8.GetBytes(body.ToJsonString()), cancellationToken).ConfigureAwait(false);
        }
        catch (ClusterApiException e) when (e.StatusCode is 403 or 404)
        {
            return null;
        }
    }

    private static string Verb(string verb) => verb == "*" ? "use every verb on" : verb;

    private static string Resource(string group, string resource) => (group, resource) switch
    {
        ("*", "*") => "every resource",
        (_, "*") => $"every resource of group '{group}'",
        ("", _) => resource,
        _ => $"{resource}.{group}",
    };

    private static IEnumerable<JsonElement> Array(JsonElement element, string name) =>
        element.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array ? array.EnumerateArray() : [];

    private static IEnumerable<string> Strings(JsonElement element, string name) =>
        Array(element, name).Where(item => item.ValueKind == JsonValueKind.String).Select(item => item.GetString()!);

    private sealed class RulesOutcome
    {
        public bool Refused { get; set; }

        public bool Incomplete { get; set; }

        public string? Write { get; set; }
    }
}
