namespace KubeFleet.StandIn.Api.Http;

/// <summary>One entry of an <c>Accept</c> header, e.g. <c>application/json;as=Table;v=v1;g=meta.k8s.io</c>.</summary>
internal sealed record MediaRange(string Type, IReadOnlyDictionary<string, string> Parameters, double Quality)
{
    /// <summary>The entries of an Accept header, most preferred first (by quality; ties keep their order).</summary>
    public static IReadOnlyList<MediaRange> ParseAccept(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return [new MediaRange("*/*", new Dictionary<string, string>(), 1)];
        }

        return header.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(Parse)
            .Where(range => range.Quality > 0)
            .OrderByDescending(range => range.Quality)
            .ToArray();
    }

    /// <summary>Whether this range accepts JSON: <c>application/json</c>, <c>application/*</c> or <c>*/*</c>.</summary>
    public bool AcceptsJson => Type is "application/json" or "application/*" or "*/*";

    /// <summary>Whether the range names a specific object kind (<c>as=…;g=…;v=…</c>), as kubectl does for tables.</summary>
    public bool Names(string group, string version, string kind) =>
        Param("as") == kind && Param("g") == group && Param("v") == version;

    public bool IsPlain => Param("as") is null;

    private string? Param(string name) => Parameters.TryGetValue(name, out var value) ? value : null;

    private static MediaRange Parse(string text)
    {
        var segments = text.Split(';', StringSplitOptions.TrimEntries);
        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var quality = 1.0;
        foreach (var segment in segments.Skip(1))
        {
            var equals = segment.IndexOf('=');
            if (equals <= 0)
            {
                continue;
            }

            var key = segment[..equals].Trim();
            var value = segment[(equals + 1)..].Trim().Trim('"');
            if (key.Equals("q", StringComparison.OrdinalIgnoreCase))
            {
                quality = double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var q) ? q : 1;
            }
            else
            {
                parameters[key] = value;
            }
        }

        return new MediaRange(segments[0].ToLowerInvariant(), parameters, quality);
    }
}
