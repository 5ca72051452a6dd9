using KubeFleet.Engine.KubeConfig;
using YamlDotNet.RepresentationModel;

namespace KubeFleet.Bench.Fleets;

/// <summary>Kubeconfigs as a user would have edited them for a benchmark row.</summary>
internal static class KubeconfigVariants
{
    /// <summary>
    /// The kubeconfig as it is, or with <c>disable-compression: true</c> on every cluster: the
    /// kubeconfig setting that makes clients (kubectl and KubeFleet alike) stop asking for gzip.
    /// </summary>
    public static LoadedKubeConfig Load(string path, bool disableCompression)
    {
        if (!disableCompression)
        {
            return KubeConfigLoader.LoadFiles([path]);
        }

        var stream = new YamlStream();
        using (var reader = new StreamReader(path))
        {
            stream.Load(reader);
        }

        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        foreach (var entry in ((YamlSequenceNode)root.Children[new YamlScalarNode("clusters")]).Children.Cast<YamlMappingNode>())
        {
            var cluster = (YamlMappingNode)entry.Children[new YamlScalarNode("cluster")];
            cluster.Children[new YamlScalarNode("disable-compression")] = new YamlScalarNode("true");
        }

        using var text = new StringWriter();
        stream.Save(text, assignAnchors: false);
        return KubeConfigLoader.LoadText(text.ToString(), Path.GetDirectoryName(path));
    }
}
