
namespace KubeFleet.Engine.Connections.Http;

/// <summary>
/// A response body as it arrives. Each read must make progress within the idle timeout; a broken
/// or silent connection becomes a classified error; disposing it frees the transport lease.
/// </summary>
internal sealed class ResponseContentStream : Stream
{
    private readonly Stream _inner;
    private readonly ClusterTransport _transport;
    private readonly TimeSpan _idleTimeout;
    private readonly string _clusterName;
    private readonly Uri _server;
    private readonly string _request;
    private int _disposed;

    public ResponseContentStream(Stream inner, ClusterTransport transport, TimeSpan idleTimeout, string clusterName, Uri server, string request)
    {
        _inner = inner;
        _transport = transport;
        _idleTimeout = idleTimeout;
        _clusterName = clusterName;
        _server = server;
        _request = request;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        idle.CancelAfter(_idleTimeout);
        try
        {
            return await _inner.ReadAsync(buffer, idle.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw TransportFailures.TimedOut(_clusterName, _server, _request, $"the response stopped arriving for {_idleTimeout.TotalSeconds:0.#} s", e);
        }
        catch (Exception e) when (e is IOException or HttpRequestException or InvalidDataException)
        {
            throw TransportFailures.Classify(e, _clusterName, _server, _request);
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    // Synchronous readers get the same timeout and classification as asynchronous ones.
    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _inner.Dispose();
            _transport.Release();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await _inner.DisposeAsync().ConfigureAwait(false);
            _transport.Release();
        }

        await base.DisposeAsync().ConfigureAwait(false);
    }
}
