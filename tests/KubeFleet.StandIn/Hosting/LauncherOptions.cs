using System.Globalization;
using KubeFleet.Engine.Errors;
using KubeFleet.StandIn.Data;
using KubeFleet.StandIn.Faults;

namespace KubeFleet.StandIn.Hosting;

/// <summary>The launcher's command line.</summary>
public sealed record LauncherOptions
{
    public const string Usage =
        "usage: KubeFleet.StandIn --clusters N --pods-per-cluster M --out DIR [--seed S] [--minor 27..33]\n" +
        "                         [--plain-http] [--no-anonymous] [--faults SPEC]\n" +
        "       KubeFleet.StandIn exec-credential --fleet-secret-file FILE [--user USER] ... (see README.md)\n" +
        "SPEC: " + FaultSpec.Syntax;

    public int Clusters { get; init; }

    public int PodsPerCluster { get; init; }

    public required string OutputFolder { get; init; }

    public int Seed { get; init; } = 1;

    public int Minor { get; init; } = ServerVersion.DefaultMinor;

    public bool PlainHttp { get; init; }

    public bool AllowAnonymous { get; init; } = true;

    public IReadOnlyList<FaultSpec> Faults { get; init; } = [];

    public static LauncherOptions Parse(IReadOnlyList<string> arguments)
    {
        int? clusters = null, pods = null;
        string? output = null;
        var seed = 1;
        var minor = ServerVersion.DefaultMinor;
        bool plainHttp = false, allowAnonymous = true;
        IReadOnlyList<FaultSpec> faults = [];
        for (var i = 0; i < arguments.Count; i++)
        {
            var option = arguments[i];
            switch (option)
            {
                case "--plain-http":
                    plainHttp = true;
                    continue;
                case "--no-anonymous":
                    allowAnonymous = false;
                    continue;
            }

            var value = i + 1 < arguments.Count ? arguments[++i] : throw Invalid($"{option} needs a value.");
            switch (option)
            {
                case "--clusters": clusters = Number(option, value, minimum: 1); break;
                case "--pods-per-cluster": pods = Number(option, value, minimum: 0); break;
                case "--out": output = value; break;
                case "--seed": seed = Number(option, value, minimum: 0); break;
                case "--minor": minor = Number(option, value, minimum: 0); break;
                case "--faults": faults = FaultSpec.ParseList(value); break;
                default: throw Invalid($"Unknown option '{option}'.");
            }
        }

        ServerVersion.ForMinor(minor);
        return new LauncherOptions
        {
            Clusters = clusters ?? throw Invalid("--clusters is required."),
            PodsPerCluster = pods ?? throw Invalid("--pods-per-cluster is required."),
            OutputFolder = output ?? throw Invalid("--out is required: the folder for kubeconfigs and fleet.json."),
            Seed = seed,
            Minor = minor,
            PlainHttp = plainHttp,
            AllowAnonymous = allowAnonymous,
            Faults = faults,
        };
    }

    public FleetOptions ToFleetOptions() => new()
    {
        ClusterCount = Clusters,
        PodsPerCluster = PodsPerCluster,
        Seed = Seed,
        Cluster = _ => new ClusterOptions { ServerMinor = Minor, PlainHttp = PlainHttp, AllowAnonymous = AllowAnonymous },
    };

    private static int Number(string option, string value, int minimum) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= minimum
            ? number
            : throw Invalid($"{option} takes a whole number of at least {minimum}, not '{value}'.");

    private static KubeFleetException Invalid(string message) => new("StandInArgumentInvalid", ErrorKind.InvalidArgument, message);
}
