using System.Text;

namespace KubeFleet.StandIn.Security.Reviews;

/// <summary>
/// Just enough of the protobuf wire format to read the review requests Go clients send: varints,
/// length-delimited fields (strings and nested messages), and skipping of everything else.
/// </summary>
internal ref struct ProtobufReader
{
    private ReadOnlySpan<byte> remaining;

    public ProtobufReader(ReadOnlySpan<byte> message)
    {
        remaining = message;
    }

    /// <summary>Moves to the next field; false at the end of the message.</summary>
    public bool TryReadTag(out int fieldNumber, out int wireType)
    {
        if (remaining.IsEmpty)
        {
            fieldNumber = 0;
            wireType = 0;
            return false;
        }

        var tag = ReadVarint();
        fieldNumber = (int)(tag >> 3);
        wireType = (int)(tag & 7);
        return true;
    }

    public ReadOnlySpan<byte> ReadLengthDelimited()
    {
        var length = ReadVarint();
        if (length > (ulong)remaining.Length)
        {
            throw new FormatException($"a field claims {length} bytes but only {remaining.Length} remain");
        }

        var value = remaining[..(int)length];
        remaining = remaining[(int)length..];
        return value;
    }

    public string ReadString() => Encoding.UTF8.GetString(ReadLengthDelimited());

    public void Skip(int wireType)
    {
        switch (wireType)
        {
            case 0:
                ReadVarint();
                break;
            case 1:
                Advance(8);
                break;
            case 2:
                ReadLengthDelimited();
                break;
            case 5:
                Advance(4);
                break;
            default:
                throw new FormatException($"unsupported wire type {wireType}");
        }
    }

    private ulong ReadVarint()
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (remaining.IsEmpty)
            {
                throw new FormatException("the message ends inside a varint");
            }

            var current = remaining[0];
            remaining = remaining[1..];
            value |= (ulong)(current & 0x7F) << shift;
            if ((current & 0x80) == 0)
            {
                return value;
            }
        }

        throw new FormatException("a varint is longer than 10 bytes");
    }

    private void Advance(int count)
    {
        if (remaining.Length < count)
        {
            throw new FormatException("the message ends inside a fixed-width field");
        }

        remaining = remaining[count..];
    }
}
