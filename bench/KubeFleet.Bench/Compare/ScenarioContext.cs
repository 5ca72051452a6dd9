using KubeFleet.Bench.Measuring;

namespace KubeFleet.Bench.Compare;

/// <summary>What a scenario runs with: its fleet, the child runner, how often to repeat, where progress goes.</summary>
internal sealed class ScenarioContext(HostedFleet fleet, BenchChild child, CompareOptions options, TextWriter progress, CancellationToken cancellationToken)
{
    public HostedFleet Fleet => fleet;

    public CompareOptions Options => options;

    public CancellationToken CancellationToken => cancellationToken;

    public Task NoteAsync(string message) => progress.WriteLineAsync(message);

    /// <summary>
    /// Runs the rows' repetitions interleaved (round 1 of every row, then round 2, …), so that a
    /// spell of load on the shared machine falls on all rows alike and their ratios hold.
    /// </summary>
    public async Task<IReadOnlyList<MeasuredRow>> MeasureAsync(IReadOnlyList<ClientRow> rows)
    {
        var runs = rows.Select(_ => new List<RunMeasurement>()).ToList();
        var rounds = rows.Max(row => row.Repetitions);
        for (var round = 1; round <= rounds; round++)
        {
            for (var i = 0; i < rows.Count; i++)
            {
                if (round > rows[i].Repetitions)
                {
                    continue;
                }

                var lines = await child.RunAsync(rows[i].Command, fleet.Folder, cancellationToken);
                var run = lines.Count > 0
                    ? BenchJson.Parse<RunMeasurement>(lines[^1])
                    : throw BenchErrors.Run($"{rows[i].Command} printed no measurement.", rows[i].Client);
                runs[i].Add(run);
                await progress.WriteLineAsync(
                    $"  {rows[i].Client} [{round}/{rows[i].Repetitions}]: {run.TotalMs / 1000:0.00} s, {run.Results:N0} results, {run.Errors} errors, peak {run.PeakWorkingSetMB:0} MB");
            }
        }

        return rows.Select((row, i) => new MeasuredRow(row, runs[i])).ToList();
    }

    /// <summary>Runs a command once and returns what it printed, one measurement per line.</summary>
    public Task<IReadOnlyList<string>> RunOnceAsync(BenchCommand command) => child.RunAsync(command, fleet.Folder, cancellationToken);
}
