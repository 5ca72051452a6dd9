using System.Globalization;

namespace KubeFleet.Bench.Measuring;

/// <summary>
/// The peak of the summed resident memory of other processes (kubectl runs), sampled from
/// <c>/proc/PID/status</c> while they run: for processes running side by side, the peak of the sum
/// is what the machine must hold, which no single process's own peak tells.
/// </summary>
internal sealed class ProcessMemorySampler : IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(25);

    private readonly object _gate = new();
    private readonly HashSet<int> _processes = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;
    private long _peakBytes;

    public ProcessMemorySampler()
    {
        _sampling = SampleAsync(_stop.Token);
    }

    public double PeakMegabytes => Megabytes.Of(Interlocked.Read(ref _peakBytes));

    public void Track(int processId)
    {
        lock (_gate)
        {
            _processes.Add(processId);
        }

        Sample();
    }

    public void Forget(int processId)
    {
        lock (_gate)
        {
            _processes.Remove(processId);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        _stop.Dispose();
    }

    private async Task SampleAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                Sample();
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed: sampling ends.
        }
    }

    private void Sample()
    {
        int[] processes;
        lock (_gate)
        {
            processes = [.. _processes];
        }

        var total = processes.Sum(ResidentBytes);
        var peak = Interlocked.Read(ref _peakBytes);
        while (total > peak)
        {
            var seen = Interlocked.CompareExchange(ref _peakBytes, total, peak);
            if (seen == peak)
            {
                break;
            }

            peak = seen;
        }
    }

    /// <summary>VmRSS of a process; 0 once it has exited (a zombie has none) or gone.</summary>
    private static long ResidentBytes(int processId)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{processId}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    var kilobytes = line["VmRSS:".Length..].Trim().Split(' ')[0];
                    return long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The process exited between the listing and the read.
        }

        return 0;
    }
}
