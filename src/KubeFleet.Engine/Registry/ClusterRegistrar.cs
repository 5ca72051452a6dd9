using KubeFleet.Engine.Errors;
using KubeFleet.Engine.Profile;
using KubeFleet.Engine.Registry.Verification;

namespace KubeFleet.Engine.Registry;

/// <summary>
/// Registers clusters: plans each registration without the network (so a user can see and confirm
/// what will run), then verifies them against their clusters in parallel and saves them in one
/// profile write, in the order planned. A registration is saved only when its name is still free
/// and, unless allowed, its cluster (by kube-system UID) is not registered under another name.
/// </summary>
public sealed class ClusterRegistrar
{
    /// <summary>How many clusters are verified at once when several contexts are registered together.</summary>
    public const int MaxParallelVerifications = 8;

    private readonly ClusterRegistry registry;
    private readonly ClusterVerifier verifier;

    public ClusterRegistrar(ClusterRegistry registry, ClusterVerifier verifier)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(verifier);
        this.registry = registry;
        this.verifier = verifier;
    }

    /// <exception cref="KubeFleetException">
    /// RegisterKubeClusterNameInvalid, RegisterKubeClusterNameTaken, KubeClusterLabelInvalid, an
    /// access error (<see cref="PreparedAccess.From"/>), a kubeconfig error, or a profile error.
    /// </exception>
    public RegistrationPlan Plan(string name, AccessSource source, RegistrationOptions options)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        ClusterNames.EnsureValid(name);
        var checkedOptions = options with { Labels = ClusterLabels.Checked(options.Labels) };
        if (registry.Find(name) is { } existing)
        {
            throw RegistryErrors.NameTaken(name, existing.Name, registry.ProfilePath);
        }

        return new RegistrationPlan(name, PreparedAccess.From(source), checkedOptions);
    }

    /// <summary>
    /// Verifies and saves the planned registrations. Never throws for one registration's failure:
    /// each outcome says how it ended, in the order of <paramref name="plans"/>.
    /// </summary>
    public async Task<IReadOnlyList<RegistryOutcome>> RegisterAsync(IReadOnlyList<RegistrationPlan> plans, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plans);
        var verified = new Verified[plans.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = MaxParallelVerifications, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, plans.Count), options, async (index, token) =>
            verified[index] = await VerifyAsync(plans[index], token).ConfigureAwait(false)).ConfigureAwait(false);

        var outcomes = new RegistryOutcome?[plans.Count];
        if (verified.All(result => result.Error is not null))
        {
            return plans.Select((plan, index) => Failed(plan, verified[index], verified[index].Error!)).ToList();
        }

        try
        {
            registry.Update(document =>
            {
                for (var i = 0; i < plans.Count; i++)
                {
                    outcomes[i] = verified[i].Error is { } error ? Failed(plans[i], verified[i], error) : Save(document, plans[i], verified[i]);
                }

                return true;
            });
        }
        catch (KubeFleetException profileError)
        {
            for (var i = 0; i < plans.Count; i++)
            {
                outcomes[i] = outcomes[i] is { Error: not null } failed ? failed : Failed(plans[i], verified[i], profileError);
            }
        }

        return outcomes.Select(outcome => outcome!).ToList();
    }

    private async Task<Verified> VerifyAsync(RegistrationPlan plan, CancellationToken cancellationToken)
    {
        if (plan.Options.SkipVerification)
        {
            return new Verified(null, null);
        }

        try
        {
            return new Verified(await verifier.VerifyAsync(plan.Name, plan.Access.Access, cancellationToken).ConfigureAwait(false), null);
        }
        catch (KubeFleetException failure)
        {
            return new Verified(null, failure);
        }
    }

    private RegistryOutcome Save(ProfileDocument document, RegistrationPlan plan, Verified verified)
    {
        if (document.FindCluster(plan.Name) is { } existing)
        {
            return Failed(plan, verified, RegistryErrors.NameTaken(plan.Name, existing.Name, registry.ProfilePath));
        }

        var warnings = new List<string>();
        var details = new List<string>();
        var now = registry.Clock.GetUtcNow();
        var context = plan.Access.Context;
        var cluster = new ClusterRecord(plan.Name, plan.Server, now)
        {
            DisplayName = string.IsNullOrEmpty(plan.Options.DisplayName) ? null : plan.Options.DisplayName,
            Description = string.IsNullOrEmpty(plan.Options.Description) ? null : plan.Options.Description,
            ContextName = context.ContextName,
            UserName = context.ClientCertificate?.CommonName,
            CertificateNotAfter = context.ClientCertificate?.NotAfter,
        };
        foreach (var (key, value) in plan.Options.Labels)
        {
            cluster.Labels.Add(key, value);
        }

        if (verified.Verification is { } verification)
        {
            var twin = document.Clusters.FirstOrDefault(other => string.Equals(other.ClusterUid, verification.ClusterUid, StringComparison.OrdinalIgnoreCase));
            if (twin is not null && !plan.Options.AllowDuplicateCluster)
            {
                return Failed(plan, verified, RegistryErrors.DuplicateCluster(plan.Name, verification.ClusterUid, twin.Name));
            }

            if (twin is not null)
            {
                warnings.Add($"Cluster '{plan.Name}' is the same cluster as '{twin.Name}' (kube-system UID {verification.ClusterUid}); it is registered a second time because of -Force.");
            }

            VerifiedFacts.Record(cluster, verification);
            details.Add(VerifiedFacts.Describe(verification));
        }
        else
        {
            details.Add($"Cluster '{plan.Name}' was not verified (-SkipVerification): its UID, version and user stay unknown until Test-KubeCluster reaches it.");
        }

        if (CertificateExpiry.Warning(plan.Name, cluster.CertificateNotAfter, now) is { } expiry)
        {
            warnings.Add(expiry);
        }

        cluster.SetAccess(plan.Access.Access);
        document.AddCluster(cluster);
        details.Add($"Registered cluster '{plan.Name}' in the profile {registry.ProfilePath}.");
        return new RegistryOutcome { ClusterName = plan.Name, Cluster = cluster, Warnings = warnings, Details = details };
    }

    private static RegistryOutcome Failed(RegistrationPlan plan, Verified verified, KubeFleetException error) => new()
    {
        ClusterName = plan.Name,
        Error = error,
        Details = verified.Verification is { } verification ? [VerifiedFacts.Describe(verification)] : [],
    };

    private readonly record struct Verified(ClusterVerification? Verification, KubeFleetException? Error);
}
