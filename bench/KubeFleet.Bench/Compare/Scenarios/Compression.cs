using KubeFleet.Bench.Compare.Report;

namespace KubeFleet.Bench.Compare.Scenarios;

/// <summary>
/// Gzip on and off, on loopback and under a bandwidth cap per response. JSON lists shrink several
/// times over, but the server compresses and the client inflates on the same two cores: whether
/// gzip pays depends on the link.
/// </summary>
internal sealed class Compression : IScenario
{
    /// <summary>Per response: 4 MiB/s, about 34 Mbit/s, a cross-region link's share.</summary>
    public const long BandwidthCapBytesPerSecond = 4 * 1024 * 1024;

    public string Name => "gzip";

    public string Summary => $"all pods of {Fleet} with gzip on and off, on loopback and capped at 4 MiB/s per response";

    public FleetShape Fleet => FleetShape.Headline;

    public async Task<ScenarioReport> RunAsync(ScenarioContext context)
    {
        var repetitions = context.Options.Repetitions;
        await context.NoteAsync(" loopback:");
        var loopback = await context.MeasureAsync(Rows("loopback", repetitions));
        context.Fleet.ForEachCluster(cluster => cluster.Faults.BodyBytesPerSecond = BandwidthCapBytesPerSecond);
        await context.NoteAsync(" bandwidth cap:");
        var capped = await context.MeasureAsync(Rows("capped", repetitions));
        await context.Fleet.ClearFaultsAsync();
        var body =
            $"KubeFleet as configured by default, and with `disable-compression: true` in the kubeconfig it was registered from; "
            + "the floor with and without asking for gzip. The stand-in compresses a response over 128 KiB when asked (gzip, fastest level), as the API server does.\n\n"
            + "On loopback:\n\n" + RowsTable.Render(loopback, loopback[0])
            + $"\nEach response capped at {BandwidthCapBytesPerSecond / (1024 * 1024)} MiB/s (the stand-in's slow-body fault):\n\n"
            + RowsTable.Render(capped, capped[0]);
        return new ScenarioReport($"{Name}: compression on {Fleet}", body, []);
    }

    private static ClientRow[] Rows(string link, int repetitions) =>
    [
        ClientRows.Search($"KubeFleet, default, {link}", repetitions),
        ClientRows.Search($"KubeFleet, disable-compression, {link}", repetitions, "--disable-compression"),
        ClientRows.FloorDownload($"floor, gzip, {link}", repetitions, "--gzip"),
        ClientRows.FloorDownload($"floor, no gzip, {link}", repetitions),
    ];
}
