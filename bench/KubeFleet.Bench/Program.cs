using KubeFleet.Bench;

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, press) =>
{
    // The first Ctrl+C stops the benchmark cleanly (fleets and kubectl processes with it); a second one kills it.
    press.Cancel = !stop.IsCancellationRequested;
    stop.Cancel();
};

return await BenchProgram.RunAsync(args, Console.Out, Console.Error, stop.Token);
