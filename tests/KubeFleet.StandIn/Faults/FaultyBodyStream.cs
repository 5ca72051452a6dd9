namespace KubeFleet.StandIn.Faults;

/// <summary>
/// Sits between a handler and the real response body when a body fault is on: paces writes to a
/// byte rate, and/or cuts the body once a byte budget is spent. Bytes stream straight through;
/// nothing is buffered beyond one paced slice.
/// </summary>
/// <remarks>
/// The cut is an exception out of the handler after the allowed bytes are flushed: Kestrel then
/// ends the connection after sending what it has (HTTP/1.1: no final chunk, the client sees the
/// connection close mid-body; HTTP/2: the stream is reset). Aborting the connection instead
/// would also drop bytes Kestrel had not yet handed to the socket.
/// </remarks>
internal sealed class FaultyBodyStream : Stream
{
    // Pacing in slices of a twentieth of a second keeps the rate smooth without a syscall per byte.
    private const int SlicesPerSecond = 20;

    private readonly Stream inner;
    private readonly long? bytesPerSecond;
    private readonly long? resetAfterBytes;
    private readonly TimeProvider clock;
    private readonly long startedAt;
    private long written;
    private bool cut;

    public FaultyBodyStream(Stream inner, long? bytesPerSecond, long? resetAfterBytes, TimeProvider clock)
    {
        this.inner = inner;
        this.bytesPerSecond = bytesPerSecond;
        this.resetAfterBytes = resetAfterBytes;
        this.clock = clock;
        startedAt = clock.GetTimestamp();
    }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        // A handler's own cleanup (a compressor flushing on dispose) writes again after the cut;
        // letting those bytes through would splice unrelated data onto the truncated body.
        if (cut)
        {
            throw CutException();
        }

        while (!buffer.IsEmpty)
        {
            var slice = buffer[..(int)Math.Min(buffer.Length, SliceLength())];
            if (resetAfterBytes is { } budget && written + slice.Length >= budget)
            {
                cut = true;
                await inner.WriteAsync(slice[..(int)(budget - written)], cancellationToken);
                await inner.FlushAsync(cancellationToken);
                throw CutException();
            }

            await PaceAsync(slice.Length, cancellationToken);
            await inner.WriteAsync(slice, cancellationToken);
            written += slice.Length;
            buffer = buffer[slice.Length..];
            if (bytesPerSecond is not null)
            {
                await inner.FlushAsync(cancellationToken);
            }
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer, offset, count).GetAwaiter().GetResult();

    public override Task FlushAsync(CancellationToken cancellationToken) => cut ? Task.CompletedTask : inner.FlushAsync(cancellationToken);

    public override void Flush() => FlushAsync(CancellationToken.None).GetAwaiter().GetResult();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    private IOException CutException() => new($"Stand-in fault: the body is cut after {resetAfterBytes} bytes.");

    private long SliceLength() => bytesPerSecond is { } rate ? Math.Max(1, rate / SlicesPerSecond) : long.MaxValue;

    // Waits until sending `count` more bytes keeps the average at or below the rate.
    private async Task PaceAsync(int count, CancellationToken cancellationToken)
    {
        if (bytesPerSecond is not { } rate)
        {
            return;
        }

        var due = TimeSpan.FromSeconds((double)(written + count) / rate);
        var wait = due - clock.GetElapsedTime(startedAt);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, clock, cancellationToken);
        }
    }
}
