namespace KubeFleet.Bench.Compare;

/// <summary>The clients the scenarios compare, as rows over the scenario's fleet.</summary>
internal static class ClientRows
{
    private const string Fleet = BenchCommand.FleetPlaceholder;

    public const string KubeFleet = "KubeFleet";

    public const string Floor = "floor";

    /// <summary>KubeFleet's search of all pods, with more options.</summary>
    public static ClientRow Search(string client, int repetitions, params string[] options) =>
        new(client, BenchCommand.For("search", ["--fleet", Fleet, "--kind", "pods", .. options]), repetitions);

    public static ClientRow FloorDownload(string client, int repetitions, params string[] options) =>
        new(client, BenchCommand.For("floor", ["--fleet", Fleet, .. options]), repetitions);

    public static ClientRow KubectlSequential(int repetitions) =>
        new("kubectl sequential", BenchCommand.For("kubectl", "--fleet", Fleet), repetitions);

    public static ClientRow KubectlParallel(int repetitions) =>
        new("kubectl parallel", BenchCommand.For("kubectl", "--fleet", Fleet, "--parallel"), repetitions);
}
