using System.Text;
using System.Text.Json;

namespace KubeFleet.Engine.Search.Lists;

/// <summary>
/// The <c>kind</c> and <c>apiVersion</c> of a list's items. Items of typed lists do not carry
/// them, so the decoder writes them in front of each item that lacks them (as kubectl does when it
/// prints a list's items), and every object handed out is complete on its own.
/// </summary>
internal sealed class ListItemType
{
    public ListItemType(string apiVersion, string kind)
    {
        ApiVersion = apiVersion;
        Kind = kind;
        KindMember = Member("kind", kind);
        ApiVersionMember = Member("apiVersion", apiVersion);
    }

    public string ApiVersion { get; }

    public string Kind { get; }

    /// <summary><c>"kind":"Pod"</c> as UTF-8.</summary>
    internal byte[] KindMember { get; }

    /// <summary><c>"apiVersion":"v1"</c> as UTF-8.</summary>
    internal byte[] ApiVersionMember { get; }

    private static byte[] Member(string name, string value) =>
        Encoding.UTF8.GetBytes(JsonSerializer.Serialize(name) + ":" + JsonSerializer.Serialize(value));
}
