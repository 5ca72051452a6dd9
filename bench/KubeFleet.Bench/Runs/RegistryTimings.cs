using System.Diagnostics;
using KubeFleet.Bench.Fleets;
using KubeFleet.Bench.Measuring;
using KubeFleet.Engine.Profile;
using KubeFleet.Engine.Registry;

namespace KubeFleet.Bench.Runs;

/// <summary>
/// The registry at scale: a profile of many clusters (credentials borrowed from a fleet's admin
/// kubeconfigs, round robin, each sealed on its own), then Get-KubeCluster over all of them and one
/// more registration's profile write, each repeated and reported as a median. Registrations skip
/// verification: what is timed is the profile, not the network.
/// </summary>
internal static class RegistryTimings
{
    public static async Task<RegistryMeasurement> RunAsync(FleetManifest fleet, RegistryTimingOptions options, CancellationToken cancellationToken)
    {
        using var scratch = new ScratchFolder("registry");
        var profilePath = scratch.PathOf(ProfileLocation.FileName);
        var sources = fleet.Clusters.Select(cluster => new AccessSource { KubeConfig = KubeconfigVariants.Load(cluster.AdminKubeconfig, disableCompression: false) }).ToList();
        var unverified = new RegistrationOptions { SkipVerification = true };
        using (var session = RegistrySession.Open(profilePath, BenchProfileEnvironment.Instance))
        {
            var plans = Enumerable.Range(1, options.Clusters)
                .Select(index => session.Registrar.Plan($"bench-{index:D4}", sources[(index - 1) % sources.Count], unverified))
                .ToList();
            await RegisterAsync(session, plans, cancellationToken);
        }

        var profileBytes = new FileInfo(profilePath).Length;
        var listings = Repeat(options.Repetitions, () =>
        {
            // Get-KubeCluster opens its session and reads the profile on every call.
            using var session = RegistrySession.Open(profilePath, BenchProfileEnvironment.Instance);
            var selected = session.Registry.Select(ClusterFilter.All, RegistryErrorIds.GetNotFound).Clusters.Count;
            if (selected != options.Clusters)
            {
                throw BenchErrors.Run($"Get-KubeCluster found {selected} clusters in {profilePath}, not the {options.Clusters} registered.", profilePath);
            }
        });

        var writes = new List<double>();
        using (var session = RegistrySession.Open(profilePath, BenchProfileEnvironment.Instance))
        {
            for (var repetition = 0; repetition <= options.Repetitions; repetition++)
            {
                var plan = session.Registrar.Plan($"extra-{repetition:D3}", sources[repetition % sources.Count], unverified);
                var clock = Stopwatch.StartNew();
                await RegisterAsync(session, [plan], cancellationToken);
                if (repetition > 0)
                {
                    writes.Add(clock.Elapsed.TotalMilliseconds);
                }
            }
        }

        return new RegistryMeasurement(options.Clusters, profileBytes, Math.Round(Median.Of(listings), 2), Math.Round(Median.Of(writes), 2), options.Repetitions);
    }

    private static async Task RegisterAsync(RegistrySession session, IReadOnlyList<RegistrationPlan> plans, CancellationToken cancellationToken)
    {
        foreach (var outcome in await session.Registrar.RegisterAsync(plans, cancellationToken))
        {
            if (outcome.Error is { } error)
            {
                throw BenchErrors.Run($"Registering '{outcome.ClusterName}' in the benchmark's profile failed: {error.Message}", outcome.ClusterName, error);
            }
        }
    }

    /// <summary>Runs the action once to warm up, then times it the given number of times, in milliseconds.</summary>
    private static List<double> Repeat(int repetitions, Action action)
    {
        action();
        var times = new List<double>();
        for (var i = 0; i < repetitions; i++)
        {
            var clock = Stopwatch.StartNew();
            action();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        return times;
    }
}

/// <summary>How many clusters the profile holds, and how many times each operation is timed.</summary>
internal sealed record RegistryTimingOptions(int Clusters, int Repetitions);

/// <summary>The registry's medians: Get-KubeCluster over the whole profile, and one registration's write.</summary>
internal sealed record RegistryMeasurement(int Clusters, long ProfileBytes, double GetKubeClusterMs, double RegisterWriteMs, int Repetitions);
