using KubeFleet.Bench.Measuring;

namespace KubeFleet.Bench.Compare;

/// <summary>One row of a comparison: a client, the command that measures it, and how many times to run it.</summary>
internal sealed record ClientRow(string Client, BenchCommand Command, int Repetitions);

/// <summary>A row's runs and their medians.</summary>
internal sealed record MeasuredRow(ClientRow Row, IReadOnlyList<RunMeasurement> Runs)
{
    public string Client => Row.Client;

    public double TotalSeconds => Median.Of(Runs.Select(run => run.TotalMs)) / 1000;

    public double? FirstResultMs => Median.OfPresent(Runs.Select(run => run.FirstResultMs));

    public double PeakMegabytes => Median.Of(Runs.Select(run => run.PeakWorkingSetMB));

    /// <summary>The results of the runs; they differ only when something went wrong, which the record shows.</summary>
    public IReadOnlyList<long> DistinctResults => Runs.Select(run => run.Results).Distinct().Order().ToList();

    public int MostErrors => Runs.Max(run => run.Errors);
}
