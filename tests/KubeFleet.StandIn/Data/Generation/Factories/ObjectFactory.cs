using KubeFleet.StandIn.Data.Catalog;
using KubeFleet.StandIn.Data.Generation.Kinds;

namespace KubeFleet.StandIn.Data.Generation.Factories;

/// <summary>Creates the simple objects around workloads: namespaces, config, identities, services, budgets, ingresses.</summary>
internal sealed class ObjectFactory(GenerationContext context)
{
    private static readonly ResourceType Namespaces = BuiltInResources.Get("", "namespaces");
    private static readonly ResourceType ConfigMaps = BuiltInResources.Get("", "configmaps");
    private static readonly ResourceType Secrets = BuiltInResources.Get("", "secrets");
    private static readonly ResourceType ServiceAccounts = BuiltInResources.Get("", "serviceaccounts");
    private static readonly ResourceType Services = BuiltInResources.Get("", "services");
    private static readonly ResourceType DisruptionBudgets = BuiltInResources.Get("policy", "poddisruptionbudgets");
    private static readonly ResourceType Ingresses = BuiltInResources.Get("networking.k8s.io", "ingresses");

    private static readonly IReadOnlyDictionary<string, string> NoAnnotations = new Dictionary<string, string>();

    private string? clusterCertificate;

    /// <summary>A namespace (with the name label the server always sets) and what every namespace gets: the <c>default</c> service account and the root CA bundle.</summary>
    public string Namespace(string name, DateTimeOffset created, IReadOnlyDictionary<string, string>? labels = null, string? uid = null)
    {
        var allLabels = new Dictionary<string, string>(labels ?? new Dictionary<string, string>()) { ["kubernetes.io/metadata.name"] = name };
        var fields = new FieldSet();
        WorkloadFieldSets.AddMetadata(fields, allLabels, NoAnnotations);
        var meta = context.Meta(name, "", created, allLabels, managedFields: [ManagedFieldsEntry.Update("kubectl-create", "v1", created, fields)], uid: uid);
        context.Sink.Add(Namespaces, (writer, rv) => NamespaceWriter.Write(writer, meta, rv));
        ServiceAccount(name, "default", created.AddSeconds(1), new Dictionary<string, string>(), manager: null);
        ConfigMap(name, "kube-root-ca.crt", created.AddSeconds(1), new Dictionary<string, string>(),
            new Dictionary<string, string> { ["ca.crt"] = ClusterCertificate() }, "kube-controller-manager",
            new Dictionary<string, string> { ["kubernetes.io/description"] = "Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters." });
        return meta.Uid;
    }

    public void ConfigMap(
        string ns, string name, DateTimeOffset created, IReadOnlyDictionary<string, string> labels, IReadOnlyDictionary<string, string> data,
        string manager = "kubectl-client-side-apply", IReadOnlyDictionary<string, string>? annotations = null)
    {
        var fields = new FieldSet();
        fields.F("data").Self().Leaves(data.Keys);
        WorkloadFieldSets.AddMetadata(fields, labels, annotations ?? NoAnnotations);
        var meta = context.Meta(name, ns, created, labels, annotations, managedFields: [ManagedFieldsEntry.Update(manager, "v1", created, fields)]);
        context.Sink.Add(ConfigMaps, (writer, rv) => ConfigWriters.WriteConfigMap(writer, meta, rv, data));
    }

    public void Secret(
        string ns, string name, string type, DateTimeOffset created, IReadOnlyDictionary<string, string> labels, IReadOnlyDictionary<string, string> data,
        IReadOnlyDictionary<string, string>? annotations = null, string manager = "kubectl-client-side-apply")
    {
        var fields = new FieldSet();
        fields.F("data").Self().Leaves(data.Keys);
        fields.Leaves("type");
        WorkloadFieldSets.AddMetadata(fields, labels, annotations ?? NoAnnotations);
        var meta = context.Meta(name, ns, created, labels, annotations, managedFields: [ManagedFieldsEntry.Update(manager, "v1", created, fields)]);
        context.Sink.Add(Secrets, (writer, rv) => ConfigWriters.WriteSecret(writer, meta, rv, type, data));
    }

    /// <summary>A service account; <paramref name="manager"/> null for the ones the server creates (no managedFields worth noting).</summary>
    public string ServiceAccount(
        string ns, string name, DateTimeOffset created, IReadOnlyDictionary<string, string> labels, string? manager = "kubectl-client-side-apply",
        IReadOnlyList<string>? secrets = null, IReadOnlyList<string>? imagePullSecrets = null)
    {
        var fields = new FieldSet();
        WorkloadFieldSets.AddMetadata(fields, labels, NoAnnotations);
        var meta = context.Meta(name, ns, created, labels, managedFields: manager is null ? [] : [ManagedFieldsEntry.Update(manager, "v1", created, fields)]);
        context.Sink.Add(ServiceAccounts, (writer, rv) => ConfigWriters.WriteServiceAccount(writer, meta, rv, secrets ?? [], imagePullSecrets ?? []));
        return meta.Uid;
    }

    public void Service(ServiceModel service)
    {
        context.Sink.Add(Services, (writer, rv) => ServiceWriter.Write(writer, service, rv));
    }

    /// <summary>The metadata of a service, owned by whoever applied it.</summary>
    public ObjectMeta ServiceMeta(string ns, string name, DateTimeOffset created, IReadOnlyDictionary<string, string> labels, string manager = "kubectl-client-side-apply")
    {
        var fields = new FieldSet();
        WorkloadFieldSets.AddMetadata(fields, labels, NoAnnotations);
        fields.F("spec").Leaves("internalTrafficPolicy", "ports", "selector", "sessionAffinity", "type");
        return context.Meta(name, ns, created, labels, managedFields: [ManagedFieldsEntry.Update(manager, "v1", created, fields)]);
    }

    public void DisruptionBudget(string ns, string name, DateTimeOffset created, IReadOnlyDictionary<string, string> labels, IReadOnlyDictionary<string, string> selector, int expected, int healthy)
    {
        var useMinimum = context.Entropy.Chance(0.5);
        var fields = new FieldSet();
        WorkloadFieldSets.AddMetadata(fields, labels, NoAnnotations);
        fields.F("spec").Leaves(useMinimum ? "minAvailable" : "maxUnavailable", "selector");
        var meta = context.Meta(name, ns, created, labels, managedFields: [ManagedFieldsEntry.Update("kubectl-client-side-apply", "policy/v1", created, fields)], generation: 1);
        var budget = new DisruptionBudgetModel(meta, selector, useMinimum ? 1 : null, useMinimum ? null : 1, healthy, expected);
        context.Sink.Add(DisruptionBudgets, (writer, rv) => NetworkingWriters.WriteDisruptionBudget(writer, budget, rv));
    }

    /// <summary>An ingress for a service; returns its uid (cert-manager's Certificate is owned by it).</summary>
    public string Ingress(string ns, string name, DateTimeOffset created, IReadOnlyDictionary<string, string> labels, string host, string servicePort, string tlsSecret, string address, bool certManager)
    {
        var annotations = certManager
            ? new Dictionary<string, string> { ["cert-manager.io/cluster-issuer"] = "letsencrypt-prod" }
            : new Dictionary<string, string>();
        var fields = new FieldSet();
        WorkloadFieldSets.AddMetadata(fields, labels, annotations);
        fields.F("spec").Leaves("ingressClassName", "rules", "tls");
        var meta = context.Meta(name, ns, created, labels, annotations, managedFields: [ManagedFieldsEntry.Update("kubectl-client-side-apply", "networking.k8s.io/v1", created, fields)], generation: 1);
        var ingress = new IngressModel(meta, "nginx", host, name, servicePort, tlsSecret, address);
        context.Sink.Add(Ingresses, (writer, rv) => NetworkingWriters.WriteIngress(writer, ingress, rv));
        return meta.Uid;
    }

    /// <summary>The cluster CA every namespace's bundle carries: PEM-shaped with a random body (nothing verifies it).</summary>
    public string ClusterCertificate() => clusterCertificate ??= RandomCertificate();

    private string RandomCertificate()
    {
        var body = Convert.ToBase64String(Enumerable.Range(0, 786).Select(_ => (byte)context.Entropy.Int(0, 256)).ToArray());
        var lines = Enumerable.Range(0, (body.Length + 63) / 64).Select(i => body.Substring(i * 64, Math.Min(64, body.Length - (i * 64))));
        return "-----BEGIN CERTIFICATE-----\n" + string.Join('\n', lines) + "\n-----END CERTIFICATE-----\n";
    }
}
