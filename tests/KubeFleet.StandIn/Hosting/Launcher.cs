using System.Runtime.InteropServices;
using KubeFleet.Engine.Errors;

namespace KubeFleet.StandIn.Hosting;

/// <summary>
/// Starts a fleet from the command line, writes its files, prints <c>ready</c> once every cluster
/// serves, and runs until SIGINT or SIGTERM, then stops every cluster.
/// </summary>
public static class Launcher
{
    public const string ReadyLine = "ready";

    public static async Task<int> RunAsync(IReadOnlyList<string> arguments, TextWriter stdout, TextWriter stderr)
    {
        if (arguments.Count == 1 && arguments[0] is "--help" or "-h")
        {
            stdout.WriteLine(LauncherOptions.Usage);
            return 0;
        }

        LauncherOptions options;
        try
        {
            options = LauncherOptions.Parse(arguments);
        }
        catch (KubeFleetException e)
        {
            stderr.WriteLine(e.Message);
            stderr.WriteLine(LauncherOptions.Usage);
            return 2;
        }

        using var stop = new CancellationTokenSource();
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        try
        {
            await using var fleet = await StandInFleet.StartAsync(options.ToFleetOptions(), stop.Token);
            var unknown = options.Faults.Where(f => f.Cluster != "*" && fleet.Clusters.All(c => c.Name != f.Cluster)).ToList();
            if (unknown.Count > 0)
            {
                throw new KubeFleetException("StandInFaultClusterUnknown", ErrorKind.InvalidArgument,
                    $"The faults {string.Join(", ", unknown)} name clusters the fleet does not have; it has {string.Join(", ", fleet.Clusters.Select(c => c.Name))}.");
            }

            var files = fleet.WriteFiles(options.OutputFolder);
            foreach (var cluster in fleet.Clusters)
            {
                foreach (var fault in options.Faults.Where(f => f.AppliesTo(cluster.Name)))
                {
                    await fault.ApplyAsync(cluster.Faults);
                }

                stdout.WriteLine($"{cluster.Name} {cluster.Server.ToString().TrimEnd('/')} {cluster.Version} uid={cluster.Uid} kubeconfig={files.KubeconfigFor(cluster.Name)}");
            }

            stdout.WriteLine(ReadyLine);
            stdout.Flush();
            await Task.Delay(Timeout.Infinite, stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            return 0;
        }
        catch (KubeFleetException e)
        {
            stderr.WriteLine(e.Message);
            return 1;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return 0;
        }

        void Stop(PosixSignalContext context)
        {
            // The fleet is disposed by the normal return path instead of the runtime's default exit.
            context.Cancel = true;
            stop.Cancel();
        }
    }
}
