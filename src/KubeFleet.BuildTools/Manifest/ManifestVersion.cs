using System.Text.RegularExpressions;

namespace KubeFleet.BuildTools.Manifest;

/// <summary>
/// Fills the build's version into the manifest source: ModuleVersion takes the numeric part, and a
/// prerelease suffix (0.2.0-preview1) becomes PSData's Prerelease, as PowerShellGet expects.
/// </summary>
public static partial class ManifestVersion
{
    public static string Apply(string manifestSource, string version)
    {
        var dash = version.IndexOf('-', StringComparison.Ordinal);
        var numeric = dash < 0 ? version : version[..dash];
        var prerelease = dash < 0 ? null : version[(dash + 1)..].Replace(".", "", StringComparison.Ordinal);
        if (!System.Version.TryParse(numeric, out _))
        {
            throw new FormatException($"'{version}' is not a module version: use Major.Minor.Patch with an optional -prerelease suffix.");
        }

        if (!ModuleVersionLine().IsMatch(manifestSource))
        {
            throw new FormatException("The manifest has no ModuleVersion = '...' line to fill in.");
        }

        var filled = ModuleVersionLine().Replace(manifestSource, $"ModuleVersion = '{numeric}'", 1);
        if (prerelease is null)
        {
            return filled;
        }

        if (!PsDataOpening().IsMatch(filled))
        {
            throw new FormatException("The manifest has no PrivateData.PSData block to hold the prerelease label.");
        }

        return PsDataOpening().Replace(filled, match => $"{match.Value}{Environment.NewLine}            Prerelease = '{prerelease}'", 1);
    }

    [GeneratedRegex(@"ModuleVersion\s*=\s*'[^']*'")]
    private static partial Regex ModuleVersionLine();

    [GeneratedRegex(@"PSData\s*=\s*@\{")]
    private static partial Regex PsDataOpening();
}
