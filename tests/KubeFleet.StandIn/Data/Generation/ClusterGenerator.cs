using KubeFleet.Engine.Errors;
using KubeFleet.StandIn.Data.Catalog;
using KubeFleet.StandIn.Data.Generation.Factories;
using KubeFleet.StandIn.Data.Generation.Flavors;
using KubeFleet.StandIn.Data.Generation.Kinds;
using KubeFleet.StandIn.Data.Generation.Pods;

namespace KubeFleet.StandIn.Data.Generation;

/// <summary>
/// Generates one cluster: nodes, the platform's components, then application namespaces sharing the rest
/// of the pod count, and finally the nodes' own objects and the last hour's events.
/// </summary>
internal sealed class ClusterGenerator(ClusterSpec spec)
{
    /// <summary>Pods per application namespace, on average.</summary>
    private const int PodsPerNamespace = 45;

    private static readonly ResourceType Events = BuiltInResources.Get("", "events");

    public ClusterData Generate()
    {
        Validate();
        var entropy = new Entropy(unchecked((spec.Seed * 486187739) + Entropy.Hash(spec.Name)));
        var flavor = entropy.Pick(ClusterFlavor.All);
        var context = new GenerationContext(spec, entropy, flavor);
        var nodes = new NodeFactory(context);
        nodes.Plan();

        var objects = new ObjectFactory(context);
        var pods = new PodFactory(context);
        var workloads = new WorkloadFactory(context, pods);
        var claims = new ClaimFactory(context);
        var certManager = spec.ServesCertManager ? new CertManagerFactory(context) : null;
        var system = new SystemFactory(context, objects, workloads, claims, pods);
        var kubeSystemUid = system.CreateNamespaces();
        var ingressAddress = system.CreateComponents(certManager);

        var appPods = spec.Pods - pods.Created;
        if (appPods < 1)
        {
            throw new KubeFleetException(
                "StandInTooFewPods",
                ErrorKind.InvalidArgument,
                $"Cluster '{spec.Name}' cannot have {spec.Pods} pods: its {context.Nodes.Count} nodes already run {pods.Created} system pods. Ask for at least {pods.Created + 1} pods.",
                spec.Name);
        }

        var apps = new AppFactory(context, objects, workloads, new BatchFactory(context, pods), claims, certManager);
        foreach (var (ns, share) in PlanNamespaces(entropy, appPods))
        {
            apps.Populate(ns, share, context.Between(context.ClusterCreated.AddDays(2), context.Now.AddDays(-7)), ingressAddress);
        }

        nodes.Write();
        foreach (var (eventModel, involvedVersion) in context.Events)
        {
            context.Sink.Add(Events, (writer, rv) => EventWriter.Write(writer, eventModel, involvedVersion, rv));
        }

        var catalog = new ResourceCatalog(spec.ServesCertManager ? [.. BuiltInResources.All, .. CertManagerResources.All] : BuiltInResources.All);
        var apiServer = flavor.HasControlPlaneNodes ? context.Nodes[0].Identity.InternalIp + ":6443" : $"10.0.{entropy.Int(0, 48)}.{entropy.Int(4, 250)}:443";
        return new ClusterData(spec, kubeSystemUid, apiServer, catalog, context.Sink.ToStores(), context.Sink.Revision + entropy.Int(1, 40));
    }

    /// <summary>The application namespaces and their shares of the pods: <c>shop</c> always, the rest by team.</summary>
    private static IReadOnlyList<(string Namespace, int Pods)> PlanNamespaces(Entropy entropy, int appPods)
    {
        var count = Math.Clamp((int)Math.Round(appPods / (double)PodsPerNamespace), 1, appPods);
        var names = new List<string> { "shop" };
        for (var i = 0; names.Count < count; i++)
        {
            var pool = AppNames.Namespaces;
            names.Add(i < pool.Count ? pool[i] : $"{pool[i % pool.Count]}-{(i / pool.Count) + 1}");
        }

        var weights = names.Select(_ => 0.5 + entropy.Unit()).ToArray();
        var total = weights.Sum();
        var shares = weights.Select(w => Math.Max(1, (int)(appPods * w / total))).ToArray();
        var excess = shares.Sum() - appPods;
        for (var i = shares.Length - 1; excess != 0; i = (i + shares.Length - 1) % shares.Length)
        {
            var step = excess > 0 ? (shares[i] > 1 ? -1 : 0) : 1;
            shares[i] += step;
            excess += step;
        }

        return names.Zip(shares).ToArray();
    }

    private void Validate()
    {
        if (string.IsNullOrWhiteSpace(spec.Name))
        {
            throw new KubeFleetException("StandInClusterNameMissing", ErrorKind.InvalidArgument, "A stand-in cluster needs a name: set ClusterSpec.Name.");
        }

        if (spec.Pods < 1)
        {
            throw new KubeFleetException("StandInTooFewPods", ErrorKind.InvalidArgument, $"Cluster '{spec.Name}' cannot have {spec.Pods} pods: ask for a positive number.", spec.Name);
        }

        ServerVersion.ForMinor(spec.ServerMinor);
    }
}
