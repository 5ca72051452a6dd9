namespace KubeFleet.StandIn.Data.Storage;

/// <summary>
/// Holds encoded objects back to back in large blocks. A cluster's objects live as long as the cluster;
/// in small arrays the garbage collector would copy every one of them from generation to generation while
/// they are made, in blocks on the large object heap it never moves them.
/// </summary>
internal sealed class ItemArena
{
    /// <summary>Above the large-object threshold (85,000 bytes), so blocks are never compacted.</summary>
    private const int BlockSize = 1 << 20;

    private byte[] block = [];
    private int used;

    public ReadOnlyMemory<byte> Store(ReadOnlySpan<byte> encoded)
    {
        if (block.Length - used < encoded.Length)
        {
            block = new byte[Math.Max(BlockSize, encoded.Length)];
            used = 0;
        }

        var stored = block.AsMemory(used, encoded.Length);
        encoded.CopyTo(stored.Span);
        used += encoded.Length;
        return stored;
    }
}
