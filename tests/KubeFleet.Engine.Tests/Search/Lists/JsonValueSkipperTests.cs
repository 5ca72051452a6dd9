using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using KubeFleet.Engine.Search.Lists;

namespace KubeFleet.Engine.Tests.Search.Lists;

public sealed class JsonValueSkipperTests
{
    // Strings made of what confuses a skipper: brackets, quotes, backslashes in runs of every length.
    private const string Tricky = "{}[]\"\\ab";

    private static readonly JsonSerializerOptions Escaping = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 40)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void FindsTheSameEndAsTheReaderAtEveryAlignment(int seed)
    {
        var value = RandomValue(new Random(seed), depth: 0);
        for (var offset = 0; offset < 64; offset++)
        {
            var (data, opener) = Framed(value, offset);

            Assert.Equal(ReaderEnd(data, opener), SkipperEnd(data, opener, [data.Length]));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void FindsTheSameEndWhereverTheBytesAreCut(int seed)
    {
        var (data, opener) = Framed(RandomValue(new Random(seed), depth: 0), offset: seed);
        var expected = ReaderEnd(data, opener);

        for (var cut = opener + 1; cut < expected; cut++)
        {
            Assert.Equal(expected, SkipperEnd(data, opener, [cut, data.Length]));
        }

        Assert.Equal(expected, SkipperEnd(data, opener, Enumerable.Range(1, data.Length).ToArray()));
    }

    [Theory]
    [InlineData("""{"a":"}"}""")]
    [InlineData("""{"a":"\"}"}""")]
    [InlineData("""{"a":"\\"}""")]
    [InlineData("""{"a":"\\\"]"}""")]
    [InlineData("""[[[{"k:{\"name\":\"web\"}":{}}]]]""")]
    public void StepsOverBracketsAndQuotesInsideStrings(string value)
    {
        foreach (var offset in new[] { 0, 1, 30, 62, 63 })
        {
            var (data, opener) = Framed(value + new string(' ', 70), offset);

            Assert.Equal(opener + value.Length - 1, SkipperEnd(data, opener, [data.Length]));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void StepsAReaderPastTheValueAsItsOwnSkipWould(int seed)
    {
        var (data, _) = Framed(RandomValue(new Random(seed), depth: 0), offset: seed);
        var expected = new Utf8JsonReader(data);
        var reader = new Utf8JsonReader(data);
        var origin = 0;
        do
        {
            expected.Read();
            reader.Read();
        }
        while (!(expected.TokenType == JsonTokenType.PropertyName && expected.ValueTextEquals("spec")));

        expected.Read();
        reader.Read();
        Assert.Contains(reader.TokenType, new[] { JsonTokenType.StartObject, JsonTokenType.StartArray });
        expected.Skip();
        JsonValueSkipper.Skip(data, ref reader, ref origin);

        Assert.Equal(expected.TokenType, reader.TokenType);
        Assert.Equal(expected.BytesConsumed, origin + reader.BytesConsumed);
        var rest = new List<string>();
        while (reader.Read())
        {
            Assert.True(expected.Read());
            Assert.Equal(expected.TokenType, reader.TokenType);
            rest.Add(reader.TokenType.ToString());
        }

        Assert.False(expected.Read());
        Assert.Contains(nameof(JsonTokenType.EndObject), rest);
    }

    [Fact]
    public void RefusesToStepAReaderOutOfATextThatEndsInsideTheValue()
    {
        var data = Encoding.UTF8.GetBytes("""{"spec":{"containers":[{"name":"web"}]""");
        var failure = Assert.Throws<JsonException>(() =>
        {
            var reader = new Utf8JsonReader(data, isFinalBlock: false, default);
            var origin = 0;
            reader.Read();
            reader.Read();
            reader.Read();
            JsonValueSkipper.Skip(data, ref reader, ref origin);
        });

        Assert.Contains("ends inside", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ConsumesEverythingWhileTheValueIsOpen()
    {
        var data = Encoding.UTF8.GetBytes("""{"spec":{"containers":[{"name":"web","args":["\"quoted\""]}""" + new string(' ', 200));
        var skipper = new JsonValueSkipper();
        var position = data.AsSpan().IndexOf((byte)'{') + 1;

        Assert.False(skipper.TrySkip(data, ref position));
        Assert.Equal(data.Length, position);
    }

    /// <summary>The value as a pod's spec, its opening bracket <paramref name="offset"/> bytes further along.</summary>
    private static (byte[] Data, int Opener) Framed(string value, int offset)
    {
        var prefix = """{"kind":"Pod","spec":""" + new string(' ', offset);
        return (Encoding.UTF8.GetBytes(prefix + value + ""","status":{"phase":"Running"}}"""), prefix.Length);
    }

    /// <summary>The index of the bracket that closes the value opened at <paramref name="opener"/>, as the reader finds it.</summary>
    private static int ReaderEnd(byte[] data, int opener)
    {
        var reader = new Utf8JsonReader(data.AsSpan(opener));
        reader.Read();
        reader.Skip();
        return opener + (int)reader.BytesConsumed - 1;
    }

    /// <summary>The skipper's answer when the bytes after the opening bracket arrive up to each of <paramref name="arrivals"/>.</summary>
    private static int SkipperEnd(byte[] data, int opener, int[] arrivals)
    {
        var skipper = new JsonValueSkipper();
        var position = opener + 1;
        foreach (var arrived in arrivals.Where(end => end > opener))
        {
            if (skipper.TrySkip(data.AsSpan(0, arrived), ref position))
            {
                return position;
            }

            Assert.Equal(arrived, position);
        }

        return -1;
    }

    private static string RandomValue(Random random, int depth)
    {
        JsonNode node = depth > 4 || random.Next(3) == 0 ? JsonValue.Create(RandomText(random))! : random.Next(2) == 0 ? RandomObject(random, depth) : RandomArray(random, depth);
        return depth == 0 && node is JsonValue ? "[" + node.ToJsonString(Escaping) + "]" : node.ToJsonString(Escaping);
    }

    private static JsonObject RandomObject(Random random, int depth)
    {
        var result = new JsonObject();
        for (var index = random.Next(6); index > 0; index--)
        {
            result[RandomText(random) + index] = JsonNode.Parse(RandomValue(random, depth + 1));
        }

        return result;
    }

    private static JsonArray RandomArray(Random random, int depth)
    {
        var result = new JsonArray();
        for (var index = random.Next(6); index > 0; index--)
        {
            result.Add(random.Next(4) == 0 ? JsonValue.Create(random.Next(1000)) : JsonNode.Parse(RandomValue(random, depth + 1)));
        }

        return result;
    }

    private static string RandomText(Random random)
    {
        var text = new StringBuilder();
        for (var index = random.Next(40); index > 0; index--)
        {
            text.Append(random.Next(3) == 0 ? 'x' : Tricky[random.Next(Tricky.Length)]);
        }

        return text.ToString();
    }
}
