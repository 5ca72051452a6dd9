using System.Globalization;
using System.Text;
using System.Text.Json;
using KubeFleet.Engine.Search.Lists;

namespace KubeFleet.Engine.Search.Query;

/// <summary>
/// Dotted paths into an object. A name that meets an array applies to every element
/// (<c>spec.containers.image</c> is the image of each container), a number picks one element
/// (<c>spec.containers.0.image</c>), and an array at the end of the path yields its elements.
/// Nulls are missing values.
/// </summary>
/// <remarks>
/// Read from the object's JSON in one pass that steps over whatever is off the path: a query over
/// every pod of a fleet reads <c>status.phase</c> without parsing each pod whole.
/// </remarks>
internal static class JsonPath
{
    public static IReadOnlyList<ColumnValue> Values(ReadOnlyMemory<byte> json, string path)
    {
        var found = new List<ColumnValue>();
        var cursor = new Cursor(json.Span);
        if (cursor.Reader.Read())
        {
            Collect(ref cursor, path.Split('.'), 0, found);
        }

        return found;
    }

    /// <summary>
    /// The value at a path of object members alone, as a field selector compares it: a string as it
    /// is, a number as written, a boolean as <c>true</c>/<c>false</c>; null when the path is missing,
    /// passes through an array, or ends at null, an object or an array.
    /// </summary>
    public static string? Scalar(ReadOnlyMemory<byte> json, string path)
    {
        var cursor = new Cursor(json.Span);
        if (!cursor.Reader.Read())
        {
            return null;
        }

        foreach (var name in path.Split('.'))
        {
            if (!cursor.TryEnterMember(name))
            {
                return null;
            }
        }

        ref var reader = ref cursor.Reader;
        return reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Number => Encoding.UTF8.GetString(reader.ValueSpan),
            JsonTokenType.True => "true",
            JsonTokenType.False => "false",
            _ => null,
        };
    }

    /// <summary>
    /// The values at <paramref name="segments"/> from <paramref name="index"/> on, in the value whose
    /// first token the reader is on; leaves the reader on that value's last token.
    /// </summary>
    private static void Collect(ref Cursor cursor, string[] segments, int index, List<ColumnValue> found)
    {
        ref var reader = ref cursor.Reader;
        if (index == segments.Length)
        {
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                Add(ref reader, found);
                return;
            }

            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                Add(ref reader, found);
            }

            return;
        }

        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var onPath = reader.ValueTextEquals(segments[index]);
                    reader.Read();
                    if (onPath)
                    {
                        Collect(ref cursor, segments, index + 1, found);
                    }
                    else
                    {
                        cursor.Skip();
                    }
                }

                break;
            case JsonTokenType.StartArray:
                var picked = int.TryParse(segments[index], NumberStyles.None, CultureInfo.InvariantCulture, out var position) ? position : (int?)null;
                for (var element = 0; reader.Read() && reader.TokenType != JsonTokenType.EndArray; element++)
                {
                    if (picked is null)
                    {
                        Collect(ref cursor, segments, index, found);
                    }
                    else if (element == picked)
                    {
                        Collect(ref cursor, segments, index + 1, found);
                    }
                    else
                    {
                        cursor.Skip();
                    }
                }

                break;
        }
    }

    private static void Add(ref Utf8JsonReader reader, List<ColumnValue> found)
    {
        if (ColumnValue.OfJson(JsonElement.ParseValue(ref reader)) is { } value)
        {
            found.Add(value);
        }
    }

    /// <summary>A reader over one object's JSON that steps over what is off the path without tokenizing it.</summary>
    private ref struct Cursor
    {
        public Utf8JsonReader Reader;

        private readonly ReadOnlySpan<byte> _json;
        private int _origin;

        public Cursor(ReadOnlySpan<byte> json)
        {
            _json = json;
            Reader = ObjectJson.Reader(json);
        }

        public void Skip() => JsonValueSkipper.Skip(_json, ref Reader, ref _origin);

        /// <summary>
        /// From an object's first token, moves to the first token of its member <paramref name="name"/>;
        /// false when the value is no object or has no such member.
        /// </summary>
        public bool TryEnterMember(string name)
        {
            if (Reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (Reader.Read() && Reader.TokenType == JsonTokenType.PropertyName)
            {
                var found = Reader.ValueTextEquals(name);
                Reader.Read();
                if (found)
                {
                    return true;
                }

                Skip();
            }

            return false;
        }
    }
}
