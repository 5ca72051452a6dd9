using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace KubeFleet.StandIn.Data.Generation.Pods;

/// <summary>How the container runtime reports images: fully qualified names and content digests.</summary>
internal static class ImageReference
{
    /// <summary>Fleets reuse a few hundred images across many thousand containers: hash each once.</summary>
    private static readonly ConcurrentDictionary<string, string> Digests = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string> Ids = new(StringComparer.Ordinal);

    /// <summary><c>nginx:1.27</c> → <c>docker.io/library/nginx:1.27</c>; names with a registry stay as they are.</summary>
    public static string Qualified(string image)
    {
        var slash = image.IndexOf('/');
        if (slash < 0)
        {
            return "docker.io/library/" + image;
        }

        var first = image[..slash];
        return first.Contains('.') || first.Contains(':') || first == "localhost" ? image : "docker.io/" + image;
    }

    /// <summary>The repository without tag: what a digest reference is built on.</summary>
    public static string Repository(string image)
    {
        var qualified = Qualified(image);
        var lastSlash = qualified.LastIndexOf('/');
        var colon = qualified.IndexOf(':', lastSlash + 1);
        return colon < 0 ? qualified : qualified[..colon];
    }

    /// <summary>The image ID the runtime reports: the same image always has the same digest.</summary>
    public static string Id(string image) => Ids.GetOrAdd(image, static name => Repository(name) + "@" + Digest(name));

    public static string Digest(string image) =>
        Digests.GetOrAdd(image, static name => "sha256:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(name))).ToLowerInvariant());
}
