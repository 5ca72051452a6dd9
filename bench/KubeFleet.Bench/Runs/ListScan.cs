using System.Text.Json;

namespace KubeFleet.Bench.Runs;

/// <summary>
/// One pass of a <see cref="Utf8JsonReader"/> over a Kubernetes list body: every token is read
/// once, items are counted, and <c>metadata.continue</c> is kept for the next page. This is the
/// least any client that reads what it downloads must do.
/// </summary>
internal static class ListScan
{
    public static ListPageFacts Scan(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 1024 });
        return Walk(ref reader, stopAtItems: false, out _);
    }

    /// <summary>
    /// Reads only the head of a typed list (its metadata comes before its items) for the continue
    /// token; false when <paramref name="head"/> ends before the items begin.
    /// </summary>
    public static bool TryReadHead(ReadOnlySpan<byte> head, out string? continueToken)
    {
        var reader = new Utf8JsonReader(head, isFinalBlock: false, new JsonReaderState(new JsonReaderOptions { MaxDepth = 1024 }));
        continueToken = Walk(ref reader, stopAtItems: true, out var reachedItems).Continue;
        return reachedItems;
    }

    private static ListPageFacts Walk(ref Utf8JsonReader reader, bool stopAtItems, out bool reachedItems)
    {
        var section = Section.Other;
        var items = 0;
        string? continueToken = null;
        reachedItems = false;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName when reader.CurrentDepth == 1:
                    section = reader.ValueTextEquals("items"u8) ? Section.Items
                        : reader.ValueTextEquals("metadata"u8) ? Section.Metadata
                        : Section.Other;
                    if (stopAtItems && section == Section.Items)
                    {
                        reachedItems = true;
                        return new ListPageFacts(0, continueToken);
                    }

                    break;
                case JsonTokenType.StartObject when reader.CurrentDepth == 2 && section == Section.Items:
                    items++;
                    break;
                case JsonTokenType.PropertyName when reader.CurrentDepth == 2 && section == Section.Metadata && reader.ValueTextEquals("continue"u8):
                    if (!reader.Read())
                    {
                        return new ListPageFacts(items, continueToken);
                    }

                    continueToken = reader.TokenType == JsonTokenType.String && reader.GetString() is { Length: > 0 } token ? token : null;
                    break;
            }
        }

        return new ListPageFacts(items, continueToken);
    }

    private enum Section
    {
        Other,
        Items,
        Metadata,
    }
}

/// <summary>What a list page holds: how many items, and the token for the next page (null on the last).</summary>
internal readonly record struct ListPageFacts(int Items, string? Continue);
