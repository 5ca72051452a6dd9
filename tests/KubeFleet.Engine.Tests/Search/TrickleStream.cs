namespace KubeFleet.Engine.Tests.Search;

/// <summary>A body that arrives a few bytes at a time, as a slow network delivers it.</summary>
internal sealed class TrickleStream(byte[] content, int bytesPerRead) : Stream
{
    private int _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => content.Length;

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var length = Math.Min(Math.Min(count, bytesPerRead), content.Length - _position);
        content.AsSpan(_position, length).CopyTo(buffer.AsSpan(offset));
        _position += length;
        return length;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
