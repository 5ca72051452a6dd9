using KubeFleet.StandIn.Data.Generation.Flavors;
using KubeFleet.StandIn.Data.Generation.Kinds;

namespace KubeFleet.StandIn.Data.Generation;

/// <summary>What every stage of generating one cluster shares: randomness, the clock, the flavor, nodes and the sink.</summary>
internal sealed class GenerationContext
{
    private readonly HashSet<string> serviceIps = [];

    public GenerationContext(ClusterSpec spec, Entropy entropy, ClusterFlavor flavor)
    {
        Spec = spec;
        Entropy = entropy;
        Flavor = flavor;
        Version = ServerVersion.ForMinor(spec.ServerMinor);
        Now = DateTimeOffset.FromUnixTimeSeconds(spec.ObservedAt.ToUnixTimeSeconds());
        ClusterCreated = Now - entropy.Between(TimeSpan.FromDays(120), TimeSpan.FromDays(900));
        Sink = new ObjectSink(entropy, entropy.Long(2_000_000, 90_000_000));
    }

    public ClusterSpec Spec { get; }

    public Entropy Entropy { get; }

    public ClusterFlavor Flavor { get; }

    public ServerVersion Version { get; }

    public ObjectSink Sink { get; }

    /// <summary>The instant the data describes (whole seconds).</summary>
    public DateTimeOffset Now { get; }

    public DateTimeOffset ClusterCreated { get; }

    public List<NodeSlot> Nodes { get; } = [];

    /// <summary>Events are written last: they refer to objects' resourceVersions.</summary>
    public List<(EventModel Event, string InvolvedResourceVersion)> Events { get; } = [];

    /// <summary>A random instant in [<paramref name="from"/>, <paramref name="to"/>], whole seconds.</summary>
    public DateTimeOffset Between(DateTimeOffset from, DateTimeOffset to) =>
        to <= from ? from : from + Entropy.Between(TimeSpan.Zero, to - from);

    public ObjectMeta Meta(
        string name, string ns, DateTimeOffset created, IReadOnlyDictionary<string, string>? labels = null,
        IReadOnlyDictionary<string, string>? annotations = null, IReadOnlyList<OwnerReference>? owners = null,
        IReadOnlyList<ManagedFieldsEntry>? managedFields = null, long? generation = null, string? uid = null) =>
        new()
        {
            Name = name,
            Namespace = ns,
            Uid = uid ?? Entropy.Uid(),
            Generation = generation,
            Created = created,
            Labels = labels ?? new Dictionary<string, string>(),
            Annotations = annotations ?? new Dictionary<string, string>(),
            Owners = owners ?? [],
            ManagedFields = managedFields ?? [],
        };

    /// <summary>The API server names events after their object and their creation time in nanoseconds, in hex.</summary>
    public string EventName(string objectName, DateTimeOffset at)
    {
        var nanos = (at.ToUnixTimeMilliseconds() * 1_000_000) + Entropy.Long(0, 1_000_000);
        return objectName + "." + nanos.ToString("x", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A free address in the service CIDR (the first ten are taken by kubernetes and kube-dns).</summary>
    public string NewServiceIp()
    {
        while (true)
        {
            var ip = Flavor.ServiceIpPrefix + Entropy.Int(0, 256) + "." + Entropy.Int(11, 255);
            if (serviceIps.Add(ip))
            {
                return ip;
            }
        }
    }

    public string WellKnownServiceIp(int lastOctet) => Flavor.ServiceIpPrefix + "0." + lastOctet;
}
