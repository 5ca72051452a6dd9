using System.Text;
using System.Text.Json;
using KubeFleet.Engine.Connections;
using KubeFleet.Engine.Errors;
using KubeFleet.Engine.Search;
using KubeFleet.Engine.Search.Lists;

namespace KubeFleet.Engine.Tests.Search.Lists;

public sealed class ListDecoderTests
{
    private static readonly ListItemType PodType = new("v1", "Pod");

    // Typed-list shape: metadata before items, items without kind/apiVersion, escapes, unicode,
    // nested structures the decoder must step over (managedFields), and an item that carries its own kind.
    private const string PodList = """
        {"kind":"PodList","apiVersion":"v1","metadata":{"resourceVersion":"4821","continue":"eyJydiI6NDgyMX0","remainingItemCount":7},
         "items":[
          {"metadata":{"name":"web-1","namespace":"shop","uid":"u-1","resourceVersion":"100","creationTimestamp":"2025-03-14T09:26:53Z",
            "labels":{"app":"web","tier":"front\"end"},"annotations":{"note":"caf\u00e9 ☕","empty":""},
            "ownerReferences":[{"apiVersion":"apps/v1","kind":"ReplicaSet","name":"web-7d9","uid":"rs-1","controller":true,"blockOwnerDeletion":true}],
            "managedFields":[{"manager":"kubectl","fieldsV1":{"f:metadata":{"f:labels":{".":{},"f:app":{}}}}}]},
           "spec":{"containers":[{"name":"web","image":"nginx:1.27","args":["--name","x"]}]},"status":{"phase":"Running"}},
          {"metadata":{"name":"db-0","namespace":"data","uid":"u-2","deletionTimestamp":"2025-03-15T10:00:00Z"},"spec":{}},
          {"kind":"Pod","apiVersion":"v1","metadata":{"name":"solo","namespace":"shop","uid":"u-3"}}
         ]}
        """;

    [Fact]
    public void DecodesEveryItemWithItsMetadataAndTheListMetadata()
    {
        var (items, metadata) = Decode(PodList, chunkSize: int.MaxValue);

        Assert.Equal(["web-1", "db-0", "solo"], items.Select(item => item.Metadata.Name));
        var web = items[0].Metadata;
        Assert.Equal("shop", web.Namespace);
        Assert.Equal("u-1", web.Uid);
        Assert.Equal("100", web.ResourceVersion);
        Assert.Equal(new DateTimeOffset(2025, 3, 14, 9, 26, 53, TimeSpan.Zero), web.CreationTimestamp);
        Assert.Null(web.DeletionTimestamp);
        Assert.Equal("web", web.Labels["app"]);
        Assert.Equal("front\"end", web.Labels["tier"]);
        Assert.Equal("café ☕", web.Annotations["note"]);
        Assert.Equal("", web.Annotations["empty"]);
        var owner = Assert.Single(web.OwnerReferences);
        Assert.Equal(new OwnerReference("apps/v1", "ReplicaSet", "web-7d9", "rs-1") { Controller = true, BlockOwnerDeletion = true }, owner);
        Assert.Equal(new DateTimeOffset(2025, 3, 15, 10, 0, 0, TimeSpan.Zero), items[1].Metadata.DeletionTimestamp);
        Assert.Empty(items[1].Metadata.Labels);
        Assert.Empty(items[1].Metadata.OwnerReferences);
        Assert.Equal(new ListMetadata("4821", "eyJydiI6NDgyMX0", 7), metadata);
    }

    [Fact]
    public void HandsOutEachItemAsItsOwnCompleteObject()
    {
        var (items, _) = Decode(PodList, chunkSize: int.MaxValue);

        using var original = JsonDocument.Parse(PodList);
        var originals = original.RootElement.GetProperty("items").EnumerateArray().ToList();
        for (var index = 0; index < items.Count; index++)
        {
            using var item = JsonDocument.Parse(items[index].Json);
            Assert.Equal("Pod", item.RootElement.GetProperty("kind").GetString());
            Assert.Equal("v1", item.RootElement.GetProperty("apiVersion").GetString());
            foreach (var member in originals[index].EnumerateObject())
            {
                Assert.Equal(member.Value.GetRawText(), item.RootElement.GetProperty(member.Name).GetRawText());
            }
        }

        // An item that names its own kind is handed out byte for byte.
        Assert.Equal(originals[2].GetRawText(), Encoding.UTF8.GetString(items[2].Json));
    }

    [Fact]
    public void GivesTheSameResultWhateverTheChunkBoundary()
    {
        var expected = Describe(Decode(PodList, chunkSize: int.MaxValue));
        var body = Encoding.UTF8.GetBytes(PodList);
        for (var split = 1; split < body.Length; split++)
        {
            Assert.Equal(expected, Describe(Decode(body, [split, int.MaxValue])));
        }

        Assert.Equal(expected, Describe(Decode(PodList, chunkSize: 1)));
    }

    [Fact]
    public void ReadsListMetadataThatComesAfterTheItems()
    {
        // Lists of custom resources are maps in Go, so their members come sorted: items before metadata.
        const string widgets = """{"apiVersion":"example.com/v1","items":[{"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"w1"}}],"kind":"WidgetList","metadata":{"continue":"next","resourceVersion":"9"}}""";

        var (items, metadata) = Decode(widgets, chunkSize: 5, new ListItemType("example.com/v1", "Widget"));

        Assert.Equal("w1", Assert.Single(items).Metadata.Name);
        Assert.Equal("next", metadata.Continue);
        Assert.Equal("9", metadata.ResourceVersion);
    }

    [Fact]
    public void DecodesAnEmptyListAndAnEmptyItem()
    {
        Assert.Empty(Decode("""{"kind":"PodList","apiVersion":"v1","metadata":{"resourceVersion":"1"},"items":[]}""", 3).Items);
        Assert.Empty(Decode("""{"kind":"PodList","apiVersion":"v1","metadata":{},"items":null}""", 3).Items);

        var (items, metadata) = Decode("""{"items":[ { } ]}""", 2);

        using var empty = JsonDocument.Parse(Assert.Single(items).Json);
        Assert.Equal(["kind", "apiVersion"], empty.RootElement.EnumerateObject().Select(member => member.Name));
        Assert.Null(metadata.Continue);
    }

    [Fact]
    public void AddsOnlyTheTypeMemberAnItemLacks()
    {
        var (items, _) = Decode("""{"items":[{"kind":"Pod","metadata":{"name":"a"}},{"apiVersion":"v1","metadata":{"name":"b"}}]}""", 4);

        Assert.Equal("""{"apiVersion":"v1","kind":"Pod","metadata":{"name":"a"}}""", Encoding.UTF8.GetString(items[0].Json));
        Assert.Equal("""{"kind":"Pod","apiVersion":"v1","metadata":{"name":"b"}}""", Encoding.UTF8.GetString(items[1].Json));
    }

    [Fact]
    public void DecodesItemsLargerThanItsBuffer()
    {
        var big = new string('x', 3 * 1024 * 1024);
        var body = """{"items":[{"metadata":{"name":"small"}},{"metadata":{"name":"big","annotations":{"blob":""" + $"\"{big}\"" + """}}},{"metadata":{"name":"after"}}]}""";

        var (items, _) = Decode(Encoding.UTF8.GetBytes(body), Enumerable.Repeat(7919, int.MaxValue / 7919), bufferSize: 1024);

        Assert.Equal(["small", "big", "after"], items.Select(item => item.Metadata.Name));
        Assert.Equal(big, items[1].Metadata.Annotations["blob"]);
    }

    [Fact]
    public void ReadsDeeplyNestedObjects()
    {
        // Custom resource definitions nest their schemas far deeper than the reader's default of 64.
        var deep = string.Concat(Enumerable.Repeat("""{"properties":""", 200)) + "{}" + new string('}', 200);
        var (items, _) = Decode("""{"items":[{"metadata":{"name":"crd"},"spec":""" + deep + "}]}", 64);

        Assert.Equal("crd", Assert.Single(items).Metadata.Name);
    }

    [Theory]
    [InlineData("""{"items":[{"metadata":{"name":"a"}},""", "ended before the list was complete")]
    [InlineData("""{"items":[{"metadata":{"name":"a"}}""", "ended before the list was complete")]
    [InlineData("""{"items":[{"metadata":{"name":"a"}} {"x":1}]}""", "")]
    [InlineData("""{"items":["pod"]}""", "Expected each list item to be a JSON object, found a string")]
    [InlineData("""[{"metadata":{"name":"a"}}]""", "Expected a list (a JSON object), found an array")]
    [InlineData("""<html>Bad gateway</html>""", "")]
    [InlineData("", "ended before the list was complete")]
    public void RejectsWhatIsNotAList(string body, string expectedMessage)
    {
        var failure = Assert.ThrowsAny<JsonException>(() => Decode(body, 3));

        Assert.Contains(expectedMessage, failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"items":[{"metadata":{"name":"a"}},""")]
    [InlineData("""{"items":[{"metadata":{"name":"a"},"spec":{"containers":[""")]
    public void TellsABodyCutShortFromOneThatIsNotAList(string body)
    {
        Assert.IsType<ListTruncatedException>(Assert.ThrowsAny<JsonException>(() => Decode(body, 3)));
        Assert.IsNotType<ListTruncatedException>(Assert.ThrowsAny<JsonException>(() => Decode(body + "]]}", 3)));
    }

    [Fact]
    public void RefusesMetadataThatIsNotUtf8Text()
    {
        var body = Encoding.UTF8.GetBytes("""{"items":[{"metadata":{"name":"a"}}]}""");
        body[Array.LastIndexOf(body, (byte)'a')] = 0x8E;

        var failure = Assert.Throws<JsonException>(() => Decode(body, [body.Length]));

        Assert.Contains("not valid UTF-8", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RefusesAnItemBeyondTheSizeLimit()
    {
        var body = Encoding.UTF8.GetBytes("""{"items":[{"metadata":{"name":"huge"},"data":""" + $"\"{new string('x', 300_000)}\"" + "}]}");

        var failure = Assert.Throws<JsonException>(() => Decode(body, Enumerable.Repeat(4096, int.MaxValue / 4096), bufferSize: 1024, maxItemBytes: 256 * 1024));

        Assert.Contains("larger than", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReaderStreamsItemsFromAStream()
    {
        using var response = Answer(PodList, 13);
        using var reader = new ListReader(response, PodType);

        var names = new List<string>();
        while (await reader.ReadAsync(CancellationToken.None) is { } item)
        {
            names.Add(item.Metadata.Name);
        }

        Assert.Equal(["web-1", "db-0", "solo"], names);
        Assert.Equal("eyJydiI6NDgyMX0", reader.Metadata.Continue);
    }

    [Theory]
    [InlineData("""{"items":[{"metadata":{"name":"a"}},""", ConnectionErrorIds.ConnectionFailed, "The answer of cluster 'prod' to GET /api/v1/pods ended before the list was complete")]
    [InlineData("""<html>Bad gateway</html>""", ConnectionErrorIds.ResponseInvalid, "Cluster 'prod' answered GET /api/v1/pods with a list that cannot be read")]
    public async Task ReaderReportsABodyCutShortOrNotAListAsTheClustersFailure(string body, string errorId, string message)
    {
        using var response = Answer(body, 7);
        using var reader = new ListReader(response, PodType);

        var failure = await Assert.ThrowsAsync<KubeFleetException>(async () =>
        {
            while (await reader.ReadAsync(CancellationToken.None) is not null)
            {
            }
        });

        Assert.Equal(errorId, failure.ErrorId);
        Assert.StartsWith(message, failure.Message, StringComparison.Ordinal);
        Assert.Equal("prod", failure.Target);
    }

    private static ClusterResponse Answer(string body, int chunkSize) =>
        new("prod", ClusterRequest.Get("/api/v1/pods"), new HttpResponseMessage(), new TrickleStream(Encoding.UTF8.GetBytes(body), chunkSize));

    private static (List<ListItem> Items, ListMetadata Metadata) Decode(string body, int chunkSize, ListItemType? type = null) =>
        Decode(Encoding.UTF8.GetBytes(body), Enumerable.Repeat(chunkSize, Math.Max(1, body.Length * 4)), type: type);

    private static (List<ListItem> Items, ListMetadata Metadata) Decode(
        byte[] body,
        IEnumerable<int> chunkSizes,
        int bufferSize = ListDecoder.DefaultBufferSize,
        int maxItemBytes = ListDecoder.DefaultMaxItemBytes,
        ListItemType? type = null)
    {
        using var decoder = new ListDecoder(type ?? PodType, bufferSize, maxItemBytes);
        var items = new List<ListItem>();
        var offset = 0;
        using var chunks = chunkSizes.GetEnumerator();
        while (true)
        {
            while (decoder.TryDecodeItem(out var item))
            {
                items.Add(item);
            }

            if (decoder.IsComplete)
            {
                return (items, decoder.Metadata);
            }

            if (offset == body.Length)
            {
                decoder.CompleteInput();
                continue;
            }

            chunks.MoveNext();
            var memory = decoder.GetMemory();
            var count = Math.Min(Math.Min(chunks.Current, memory.Length), body.Length - offset);
            body.AsSpan(offset, count).CopyTo(memory.Span);
            decoder.Advance(count);
            offset += count;
        }
    }

    private static string Describe((List<ListItem> Items, ListMetadata Metadata) decoded) =>
        string.Join("\n", decoded.Items.Select(item =>
            $"{Encoding.UTF8.GetString(item.Json)} | {item.Metadata.Name} {item.Metadata.Namespace} {item.Metadata.Uid} {item.Metadata.CreationTimestamp:O} "
            + $"{string.Join(",", item.Metadata.Labels.Select(label => label.Key + "=" + label.Value))} "
            + $"{string.Join(",", item.Metadata.Annotations.Select(annotation => annotation.Key + "=" + annotation.Value))} "
            + string.Join(",", item.Metadata.OwnerReferences)))
        + $"\n{decoded.Metadata}";
}
