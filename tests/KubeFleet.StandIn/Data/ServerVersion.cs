using System.Globalization;
using KubeFleet.Engine.Errors;

namespace KubeFleet.StandIn.Data;

/// <summary>
/// What <c>/version</c> reports. Each supported minor reports the release kubectl's dispatcher ships a
/// client binary for (read from those binaries' <c>version --client</c>), so a dispatched kubectl sees no skew.
/// </summary>
public sealed record ServerVersion
{
    /// <summary>The minors the kubectl dispatcher has versioned binaries for.</summary>
    public const int OldestMinor = 27;

    public const int NewestMinor = 33;

    public const int DefaultMinor = 32;

    private static readonly IReadOnlyDictionary<int, (int Patch, string Commit, string BuildDate, string GoVersion)> Releases =
        new Dictionary<int, (int, string, string, string)>
        {
            [27] = (16, "cbb86e0d7f4a049666fac0551e8b02ef3d6c3d9a", "2024-07-17T01:53:56Z", "go1.22.5"),
            [28] = (15, "841856557ef0f6a399096c42635d114d6f2cf7f4", "2024-10-22T20:34:56Z", "go1.22.8"),
            [29] = (14, "4f359b2e16764ab5e175195ee6992dfb53b36acf", "2025-02-12T21:34:28Z", "go1.22.12"),
            [30] = (13, "50af91c466658b6a33d123fae8a487db1630971c", "2025-05-15T09:56:59Z", "go1.23.8"),
            [31] = (9, "8f3800390d488f54f74111f22973059e133f9cba", "2025-05-15T09:17:16Z", "go1.23.8"),
            [32] = (5, "9894294ef13a5b32803e3ca2c0d620a088cc84d1", "2025-05-15T09:12:10Z", "go1.23.8"),
            [33] = (1, "8adc0f041b8e7ad1d30e29cc59c6ae7a15e19828", "2025-05-15T08:27:33Z", "go1.24.2"),
        };

    private ServerVersion(int minor)
    {
        var release = Releases[minor];
        Minor = minor.ToString(CultureInfo.InvariantCulture);
        GitVersion = $"v1.{minor}.{release.Patch}";
        GitCommit = release.Commit;
        BuildDate = release.BuildDate;
        GoVersion = release.GoVersion;
    }

    public string Major => "1";

    public string Minor { get; }

    /// <summary>Semver, e.g. <c>v1.32.5</c>: kubectl rejects a version that does not parse.</summary>
    public string GitVersion { get; }

    public string GitCommit { get; }

    public string GitTreeState => "clean";

    public string BuildDate { get; }

    public string GoVersion { get; }

    public string Compiler => "gc";

    public string Platform => "linux/amd64";

    public static ServerVersion ForMinor(int minor) =>
        Releases.ContainsKey(minor)
            ? new ServerVersion(minor)
            : throw new KubeFleetException(
                "StandInVersionUnsupported",
                ErrorKind.InvalidArgument,
                $"The stand-in cannot serve Kubernetes 1.{minor}: choose a minor version from {OldestMinor} to {NewestMinor}, the releases kubectl's dispatcher has clients for.",
                minor);
}
