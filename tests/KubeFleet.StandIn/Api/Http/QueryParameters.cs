using System.Globalization;
using KubeFleet.StandIn.Api.Errors;
using Microsoft.AspNetCore.Http;

namespace KubeFleet.StandIn.Api.Http;

/// <summary>Query parameters decoded the way the API server's parameter codec decodes them (the first value counts).</summary>
internal static class QueryParameters
{
    /// <summary>
    /// <c>Convert_Slice_string_To_bool</c>: absent is null; <c>0</c> and <c>false</c> (any case) are false; anything
    /// else, even an empty value, is true.
    /// </summary>
    public static bool? Boolean(IQueryCollection query, string name)
    {
        if (!query.TryGetValue(name, out var values) || values.Count == 0)
        {
            return null;
        }

        var text = values[0] ?? "";
        return !(text == "0" || text.Equals("false", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary><c>Convert_Slice_string_To_int64</c>: absent is 0; a value that is not an integer is a 400.</summary>
    public static long Integer(IQueryCollection query, string name)
    {
        if (!query.TryGetValue(name, out var values) || values.Count == 0)
        {
            return 0;
        }

        var text = values[0] ?? "";
        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ApiStatusException(ApiStatus.BadRequest($"strconv.ParseInt: parsing \"{text}\": invalid syntax"));
    }

    public static string Text(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var values) && values.Count > 0 ? values[0] ?? "" : "";
}
