
namespace KubeFleet.StandIn.Data.Generation;

/// <summary>
/// The generator's only source of variety. Seeded <see cref="Random"/> is reproducible across runs and
/// runtimes, so a seed always yields the same cluster.
/// </summary>
internal sealed class Entropy(int seed)
{
    /// <summary>The alphabet Kubernetes uses for generated name suffixes (no vowels, no look-alikes).</summary>
    private const string NameAlphabet = "bcdfghjklmnpqrstvwxz2456789";

    private const string HexDigits = "0123456789abcdef";

    private readonly Random random = new(seed);

    /// <summary>A stable 32-bit hash (FNV-1a) for mixing names into seeds; string.GetHashCode varies per process.</summary>
    public static int Hash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return unchecked((int)hash);
    }

    public int Int(int minInclusive, int maxExclusive) => random.Next(minInclusive, maxExclusive);

    public long Long(long minInclusive, long maxExclusive) => random.NextInt64(minInclusive, maxExclusive);

    public bool Chance(double probability) => random.NextDouble() < probability;

    public double Unit() => random.NextDouble();

    public T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>Picks by weight: <paramref name="choices"/> pairs each value with its relative weight.</summary>
    public T Weighted<T>(IReadOnlyList<(T Value, double Weight)> choices)
    {
        var total = choices.Sum(c => c.Weight);
        var point = random.NextDouble() * total;
        foreach (var (value, weight) in choices)
        {
            point -= weight;
            if (point < 0)
            {
                return value;
            }
        }

        return choices[^1].Value;
    }

    /// <summary>A span of time between the bounds, whole seconds (API timestamps have no fraction).</summary>
    public TimeSpan Between(TimeSpan min, TimeSpan max) =>
        TimeSpan.FromSeconds(Math.Floor(min.TotalSeconds + (random.NextDouble() * (max - min).TotalSeconds)));

    /// <summary>A random (version 4) UUID in the lower-case form the API server writes.</summary>
    public string Uid()
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        Span<char> text = stackalloc char[36];
        var position = 0;
        for (var i = 0; i < 16; i++)
        {
            if (i is 4 or 6 or 8 or 10)
            {
                text[position++] = '-';
            }

            text[position++] = HexDigits[bytes[i] >> 4];
            text[position++] = HexDigits[bytes[i] & 0x0F];
        }

        return new string(text);
    }

    public string Hex(int length) => Draw(HexDigits, length);

    /// <summary>A suffix like the ones controllers append to generated names, e.g. <c>x2k4p</c>.</summary>
    public string NameSuffix(int length) => Draw(NameAlphabet, length);

    public string Digits(int length) => Draw("0123456789", length);

    private string Draw(string alphabet, int length)
    {
        Span<char> text = stackalloc char[length];
        for (var i = 0; i < length; i++)
        {
            text[i] = alphabet[random.Next(alphabet.Length)];
        }

        return new string(text);
    }
}
