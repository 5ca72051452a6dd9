using System.Globalization;
using KubeFleet.Engine.Errors;
using KubeFleet.StandIn.Hosting;

namespace KubeFleet.StandIn.Faults;

/// <summary>
/// The launcher's <c>--faults</c> syntax: comma-separated <c>cluster:fault</c> entries, where
/// cluster is a cluster name or <c>*</c> for all, and fault is one of
/// <c>latency=200ms</c>, <c>slow-body=64k</c> (bytes per second), <c>error500</c> (every read) or
/// <c>error500=3</c> (the next three), <c>throttle=2</c> or <c>throttle=2@5</c> (Retry-After 5 s),
/// <c>reset-after=4096</c> (bytes), <c>revoke-tokens=30s</c>, <c>cert=expired</c>,
/// <c>cert=not-yet-valid</c>, <c>down</c>. Example: <c>cluster-02:latency=200ms,cluster-03:down</c>.
/// </summary>
public sealed record FaultSpec(string Cluster, string Fault, string? Value)
{
    public const string Syntax =
        "cluster:fault[,cluster:fault...] where cluster is a name or *, and fault is latency=<duration>, slow-body=<bytes/s>, " +
        "error500[=<count>], throttle=<count>[@<seconds>], reset-after=<bytes>, revoke-tokens=<duration>, cert=expired, cert=not-yet-valid or down";

    public static IReadOnlyList<FaultSpec> ParseList(string text)
    {
        var specs = new List<FaultSpec>();
        foreach (var entry in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = entry.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || colon == entry.Length - 1)
            {
                throw Invalid(entry, "it is not of the form cluster:fault");
            }

            var fault = entry[(colon + 1)..];
            var equals = fault.IndexOf('=', StringComparison.Ordinal);
            var spec = equals < 0
                ? new FaultSpec(entry[..colon], fault, null)
                : new FaultSpec(entry[..colon], fault[..equals], fault[(equals + 1)..]);
            spec.ToSwitch(entry);
            specs.Add(spec);
        }

        return specs;
    }

    public bool AppliesTo(string clusterName) => Cluster == "*" || Cluster == clusterName;

    public Task ApplyAsync(ClusterFaults faults) => ToSwitch(ToString())(faults);

    public override string ToString() => Value is null ? $"{Cluster}:{Fault}" : $"{Cluster}:{Fault}={Value}";

    // Parsing and applying share one table, so a spec that parses always applies.
    private Func<ClusterFaults, Task> ToSwitch(string entry)
    {
        switch (Fault, Value)
        {
            case ("latency", { } duration):
                var latency = Duration(entry, duration);
                return Sync(f => f.Latency = latency);
            case ("slow-body", { } rate):
                var bytesPerSecond = Bytes(entry, rate);
                return Sync(f => f.BodyBytesPerSecond = bytesPerSecond);
            case ("error500", null):
                return Sync(f => f.FailAllRequests());
            case ("error500", { } count):
                var failures = Count(entry, count);
                return Sync(f => f.FailNextRequests(failures));
            case ("throttle", { } throttle):
                var parts = throttle.Split('@');
                var throttled = Count(entry, parts[0]);
                var retryAfter = parts.Length == 2 ? Count(entry, parts[1]) : 1;
                if (parts.Length > 2 || retryAfter == 0)
                {
                    throw Invalid(entry, "throttle takes <count>[@<seconds>] with seconds of at least 1");
                }

                return Sync(f => f.ThrottleNextRequests(throttled, retryAfter));
            case ("reset-after", { } bytes):
                var budget = Bytes(entry, bytes);
                return Sync(f => f.ResetBodiesAfterBytes = budget);
            case ("revoke-tokens", { } after):
                var delay = Duration(entry, after);
                return Sync(f => f.RevokeTokens(delay));
            case ("cert", "expired"):
                return Sync(f => f.ServerCertificate = ServerCertificateFault.Expired);
            case ("cert", "not-yet-valid"):
                return Sync(f => f.ServerCertificate = ServerCertificateFault.NotYetValid);
            case ("down", null):
                return f => f.ClosePortAsync();
            default:
                throw Invalid(entry, "the fault is unknown or its value is missing or wrong");
        }
    }

    private static Func<ClusterFaults, Task> Sync(Action<ClusterFaults> apply) => f =>
    {
        apply(f);
        return Task.CompletedTask;
    };

    private static TimeSpan Duration(string entry, string text)
    {
        try
        {
            return DurationText.Parse(text, entry);
        }
        catch (KubeFleetException e)
        {
            throw Invalid(entry, e.Message.TrimEnd('.'), e);
        }
    }

    private static int Count(string entry, string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            ? count
            : throw Invalid(entry, $"'{text}' is not a whole number");

    private static long Bytes(string entry, string text)
    {
        var (digits, multiplier) = text.EndsWith('k') ? (text[..^1], 1024L) : text.EndsWith('m') ? (text[..^1], 1024L * 1024) : (text, 1L);
        return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var amount) && amount > 0
            ? amount * multiplier
            : throw Invalid(entry, $"'{text}' is not a byte count (a positive number, optionally with k or m)");
    }

    private static KubeFleetException Invalid(string entry, string why, Exception? inner = null) =>
        new("StandInFaultSpecInvalid", ErrorKind.InvalidArgument, $"Cannot read the fault '{entry}': {why}. Write {Syntax}.", entry, inner);
}
