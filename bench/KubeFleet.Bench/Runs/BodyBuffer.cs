using System.Buffers;

namespace KubeFleet.Bench.Runs;

/// <summary>A pooled buffer that takes whole response bodies, one at a time, and grows to the largest.</summary>
internal sealed class BodyBuffer : IDisposable
{
    private const int ReadSize = 64 * 1024;

    private byte[] _bytes = ArrayPool<byte>.Shared.Rent(1024 * 1024);

    /// <summary>Reads the stream to its end; the body is valid until the next read.</summary>
    public async Task<ReadOnlyMemory<byte>> ReadAllAsync(Stream body, CancellationToken cancellationToken)
    {
        var length = 0;
        while (true)
        {
            if (_bytes.Length - length < ReadSize)
            {
                var larger = ArrayPool<byte>.Shared.Rent(_bytes.Length * 2);
                _bytes.AsSpan(0, length).CopyTo(larger);
                ArrayPool<byte>.Shared.Return(_bytes);
                _bytes = larger;
            }

            var read = await body.ReadAsync(_bytes.AsMemory(length), cancellationToken);
            if (read == 0)
            {
                return _bytes.AsMemory(0, length);
            }

            length += read;
        }
    }

    public void Dispose() => ArrayPool<byte>.Shared.Return(Interlocked.Exchange(ref _bytes, []));
}
