using System.Diagnostics;
using KubeFleet.Bench.Fleets;
using KubeFleet.Bench.Measuring;

namespace KubeFleet.Bench.Runs;

/// <summary>
/// What a PowerShell user writes today: for each cluster, <c>kubectl --kubeconfig K get pods -A -o json</c>,
/// one after another or all at once. Each kubectl gets a fresh HOME (no discovery cache from a
/// previous run) and writes its output to a file; the items are counted afterwards, untimed.
/// </summary>
internal static class KubectlLoop
{
    public static async Task<RunMeasurement> RunAsync(FleetManifest fleet, KubectlOptions options, TextWriter diagnostics, CancellationToken cancellationToken)
    {
        var kubectl = KubectlBinary.ForMinor(options.Minor);
        using var scratch = new ScratchFolder("kubectl");
        var outputs = fleet.Clusters.Select(cluster => scratch.PathOf($"{cluster.Name}.json")).ToList();
        var errors = 0;
        TimeSpan total;
        double peak;
        await using (var sampler = new ProcessMemorySampler())
        {
            var clock = Stopwatch.StartNew();
            async Task RunOneAsync(int index)
            {
                if (!await RunKubectlAsync(kubectl, fleet.Clusters[index], options.Kind, scratch.Path, outputs[index], sampler, diagnostics, cancellationToken))
                {
                    Interlocked.Increment(ref errors);
                }
            }

            if (options.Parallel)
            {
                await Task.WhenAll(Enumerable.Range(0, fleet.Clusters.Count).Select(RunOneAsync));
            }
            else
            {
                for (var index = 0; index < fleet.Clusters.Count; index++)
                {
                    await RunOneAsync(index);
                }
            }

            total = clock.Elapsed;
            peak = sampler.PeakMegabytes;
        }

        long items = 0, bytes = 0;
        foreach (var output in outputs.Where(File.Exists))
        {
            var content = await File.ReadAllBytesAsync(output, cancellationToken);
            bytes += content.Length;
            items += content.Length == 0 ? 0 : ListScan.Scan(content).Items;
        }

        return new RunMeasurement(items, fleet.Clusters.Count, errors, null, RunMeasurement.Milliseconds(total), peak, bytes);
    }

    /// <summary>Runs one kubectl; false (with its error output written to diagnostics) when it fails.</summary>
    private static async Task<bool> RunKubectlAsync(
        string kubectl, FleetMember cluster, string kind, string home, string outputPath, ProcessMemorySampler sampler, TextWriter diagnostics, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(kubectl)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--kubeconfig", cluster.AdminKubeconfig, "get", kind, "--all-namespaces", "--output", "json" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["HOME"] = home;
        start.Environment.Remove("KUBECONFIG");
        using var process = Process.Start(start) ?? throw BenchErrors.Run($"{kubectl} did not start.", kubectl);
        sampler.Track(process.Id);
        try
        {
            await using var output = File.Create(outputPath);
            var copying = process.StandardOutput.BaseStream.CopyToAsync(output, cancellationToken);
            var errorText = process.StandardError.ReadToEndAsync(cancellationToken);
            try
            {
                await process.WaitForExitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            await copying;
            if (process.ExitCode == 0)
            {
                return true;
            }

            await diagnostics.WriteLineAsync($"kubectl for cluster '{cluster.Name}' exited with {process.ExitCode}: {(await errorText).Trim()}");
            return false;
        }
        finally
        {
            sampler.Forget(process.Id);
        }
    }
}

/// <summary>Which kubectl (1.minor), which kind, and whether every cluster's kubectl runs at once.</summary>
internal sealed record KubectlOptions(int Minor, string Kind, bool Parallel);
