using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text.Json;

namespace KubeFleet.Engine.Search.Lists;

/// <summary>
/// Finds the end of a JSON object or array whose opening bracket has been read, by its brackets
/// and strings alone, 64 bytes at a time. A search reads only each object's metadata; the rest
/// (spec, status, managed fields: nine tenths of a pod's bytes) needs only its end found, and
/// tokenizing it with the <see cref="System.Text.Json.Utf8JsonReader"/> was most of a search's work.
/// </summary>
/// <remarks>
/// Resumable: the state is kept between calls, so the value may arrive in any number of pieces.
/// It checks that brackets balance and strings end, not the tokens between them; the bracket that
/// closes the value is left for the reader, which checks that it matches the one that opened it.
/// A block of 64 bytes is classified with vector compares, and which quotes and brackets count is
/// worked out with bit arithmetic: the characters a backslash escapes (as simdjson finds them:
/// managed fields are full of keys like <c>k:{\"name\":\"web\"}</c>), then which bytes lie inside strings.
/// The bytes short of a whole block are stepped one by one, with the same rules.
/// Compiled fully optimized at once: it runs over nearly every byte of a search, so it must not
/// wait for the tiered JIT (docs/benchmarks.md).
/// </remarks>
internal struct JsonValueSkipper
{
    private const int BlockSize = 64;
    private const ulong OddBits = 0xAAAAAAAAAAAAAAAA;
    private const byte Quote = (byte)'"';
    private const byte Backslash = (byte)'\\';

    // '{' and '[' (0x7B, 0x5B) differ only in bit 0x20, as do '}' and ']' (0x7D, 0x5D).
    private const byte Opener = (byte)'{';
    private const byte Closer = (byte)'}';
    private const byte CaseBit = 0x20;

    private int _depth;
    private bool _inString;

    /// <summary>1 when the next byte is escaped by a backslash that ended the bytes seen so far.</summary>
    private ulong _escaped;

    /// <summary>Starts inside the value, just after its opening bracket.</summary>
    public JsonValueSkipper() => _depth = 1;

    /// <summary>
    /// Steps a reader over a whole JSON text past the value it is on, as <see cref="Utf8JsonReader.Skip"/>
    /// does but without tokenizing an object or array: the reader is replaced by one that starts at
    /// the value's closing bracket, in the state the opening one left, and reads it.
    /// <paramref name="origin"/> is where in <paramref name="json"/> the reader starts, and moves with it.
    /// </summary>
    public static void Skip(ReadOnlySpan<byte> json, ref Utf8JsonReader reader, ref int origin)
    {
        if (reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
        {
            return;
        }

        var position = origin + (int)reader.BytesConsumed;
        var skipper = new JsonValueSkipper();
        if (!skipper.TrySkip(json, ref position))
        {
            throw new JsonException("The JSON text ends inside an object or array.");
        }

        var state = reader.CurrentState;
        origin = position;
        reader = new Utf8JsonReader(json[position..], isFinalBlock: true, state);
        reader.Read();
    }

    /// <summary>
    /// Steps from <paramref name="position"/> towards the bracket that closes the value. True when
    /// found: <paramref name="position"/> is then its index. False when <paramref name="data"/>
    /// ends first: every byte was consumed, and the next call goes on from the end.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TrySkip(ReadOnlySpan<byte> data, ref int position)
    {
        var at = position;
        while (data.Length - at >= BlockSize)
        {
            if (StepBlock(Classify(data.Slice(at, BlockSize)), ref at))
            {
                position = at;
                return true;
            }
        }

        var found = StepBytes(data[at..], ref at);
        position = at;
        return found;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool StepBlock(BlockMasks masks, ref int at)
    {
        var escaped = Escaped(masks.Backslashes);
        var inString = PrefixXor(masks.Quotes & ~escaped) ^ (_inString ? ulong.MaxValue : 0);
        var opens = masks.Opens & ~inString & ~escaped;
        var closes = masks.Closes & ~inString & ~escaped;
        var closeCount = BitOperations.PopCount(closes);
        if (closeCount >= _depth)
        {
            var brackets = opens | closes;
            while (brackets != 0)
            {
                var index = BitOperations.TrailingZeroCount(brackets);
                if ((opens & (1UL << index)) != 0)
                {
                    _depth++;
                }
                else if (--_depth == 0)
                {
                    at += index;
                    return true;
                }

                brackets &= brackets - 1;
            }
        }
        else
        {
            _depth += BitOperations.PopCount(opens) - closeCount;
        }

        _inString = (inString >> 63) != 0;
        at += BlockSize;
        return false;
    }

    /// <summary>Steps byte by byte; <paramref name="at"/> counts from the start of the whole data.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool StepBytes(ReadOnlySpan<byte> bytes, ref int at)
    {
        for (var index = 0; index < bytes.Length; index++)
        {
            var value = bytes[index];
            if (_escaped != 0)
            {
                _escaped = 0;
            }
            else if (value == Backslash)
            {
                _escaped = 1;
            }
            else if (value == Quote)
            {
                _inString = !_inString;
            }
            else if (_inString)
            {
                continue;
            }
            else if ((value | CaseBit) == Opener)
            {
                _depth++;
            }
            else if ((value | CaseBit) == Closer && --_depth == 0)
            {
                at += index;
                return true;
            }
        }

        at += bytes.Length;
        return false;
    }

    /// <summary>
    /// The bytes that a backslash escapes: the byte after each run of backslashes of odd length
    /// (simdjson's json_escape_scanner). A run that ends the block escapes the next block's first byte.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ulong Escaped(ulong backslashes)
    {
        if (backslashes == 0)
        {
            var first = _escaped;
            _escaped = 0;
            return first;
        }

        var potentialEscapes = backslashes & ~_escaped;
        var evenRunCodesAndOddBits = ((potentialEscapes << 1) | OddBits) - potentialEscapes;
        var escapesAndEscaped = evenRunCodesAndOddBits ^ OddBits;
        var escaped = escapesAndEscaped ^ (backslashes | _escaped);
        _escaped = (escapesAndEscaped & backslashes) >> 63;
        return escaped;
    }

    /// <summary>Whether each byte is inside a string, given the quotes: a running parity of them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong PrefixXor(ulong quotes)
    {
        quotes ^= quotes << 1;
        quotes ^= quotes << 2;
        quotes ^= quotes << 4;
        quotes ^= quotes << 8;
        quotes ^= quotes << 16;
        quotes ^= quotes << 32;
        return quotes;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static BlockMasks Classify(ReadOnlySpan<byte> block)
    {
        ref var start = ref MemoryMarshal.GetReference(block);
        if (Vector256.IsHardwareAccelerated)
        {
            var low = Vector256.LoadUnsafe(ref start);
            var high = Vector256.LoadUnsafe(ref start, 32);
            var caseBit = Vector256.Create(CaseBit);
            return new BlockMasks(
                Matches(low, high, Quote),
                Matches(low, high, Backslash),
                Matches(low | caseBit, high | caseBit, Opener),
                Matches(low | caseBit, high | caseBit, Closer));
        }

        if (Vector128.IsHardwareAccelerated)
        {
            var first = Vector128.LoadUnsafe(ref start);
            var second = Vector128.LoadUnsafe(ref start, 16);
            var third = Vector128.LoadUnsafe(ref start, 32);
            var fourth = Vector128.LoadUnsafe(ref start, 48);
            var caseBit = Vector128.Create(CaseBit);
            return new BlockMasks(
                Matches(first, second, third, fourth, Quote),
                Matches(first, second, third, fourth, Backslash),
                Matches(first | caseBit, second | caseBit, third | caseBit, fourth | caseBit, Opener),
                Matches(first | caseBit, second | caseBit, third | caseBit, fourth | caseBit, Closer));
        }

        var masks = default(BlockMasks);
        for (var index = 0; index < BlockSize; index++)
        {
            var bit = 1UL << index;
            var value = block[index];
            masks = new BlockMasks(
                masks.Quotes | (value == Quote ? bit : 0),
                masks.Backslashes | (value == Backslash ? bit : 0),
                masks.Opens | ((value | CaseBit) == Opener ? bit : 0),
                masks.Closes | ((value | CaseBit) == Closer ? bit : 0));
        }

        return masks;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Matches(Vector256<byte> low, Vector256<byte> high, byte value)
    {
        var target = Vector256.Create(value);
        return Vector256.Equals(low, target).ExtractMostSignificantBits()
            | ((ulong)Vector256.Equals(high, target).ExtractMostSignificantBits() << 32);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Matches(Vector128<byte> first, Vector128<byte> second, Vector128<byte> third, Vector128<byte> fourth, byte value)
    {
        var target = Vector128.Create(value);
        return Vector128.Equals(first, target).ExtractMostSignificantBits()
            | ((ulong)Vector128.Equals(second, target).ExtractMostSignificantBits() << 16)
            | ((ulong)Vector128.Equals(third, target).ExtractMostSignificantBits() << 32)
            | ((ulong)Vector128.Equals(fourth, target).ExtractMostSignificantBits() << 48);
    }

    /// <summary>Bit i of each mask is byte i of a 64-byte block.</summary>
    private readonly record struct BlockMasks(ulong Quotes, ulong Backslashes, ulong Opens, ulong Closes);
}
