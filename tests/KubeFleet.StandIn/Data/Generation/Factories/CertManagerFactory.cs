using KubeFleet.StandIn.Data.Catalog;
using KubeFleet.StandIn.Data.Generation.Kinds;

namespace KubeFleet.StandIn.Data.Generation.Factories;

/// <summary>
/// cert-manager's footprint beyond its own workloads: its CustomResourceDefinitions, the cluster issuers,
/// and the Certificates its ingress-shim creates for ingresses that ask for one.
/// </summary>
internal sealed class CertManagerFactory(GenerationContext context)
{
    public const string Version = "v1.16.2";

    private static readonly ResourceType Definitions = BuiltInResources.Get("apiextensions.k8s.io", "customresourcedefinitions");

    private static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        ["app"] = "cert-manager",
        ["app.kubernetes.io/instance"] = "cert-manager",
        ["app.kubernetes.io/name"] = "cert-manager",
        ["app.kubernetes.io/version"] = Version,
    };

    public void Install(DateTimeOffset installed)
    {
        foreach (var type in CertManagerResources.All)
        {
            var fields = new FieldSet();
            WorkloadFieldSets.AddMetadata(fields, Labels, new Dictionary<string, string>());
            fields.F("spec").Leaves("conversion", "group", "names", "scope", "versions");
            var meta = context.Meta($"{type.Resource}.{type.Group}", "", installed, Labels,
                new Dictionary<string, string> { ["controller-gen.kubebuilder.io/version"] = "v0.16.5", ["helm.sh/resource-policy"] = "keep" },
                managedFields:
                [
                    ManagedFieldsEntry.Update("helm", "apiextensions.k8s.io/v1", installed, fields),
                    ManagedFieldsEntry.Update("kube-apiserver", "apiextensions.k8s.io/v1", installed, WorkloadFieldSets.Status("acceptedNames", "conditions", "storedVersions"), "status"),
                ],
                generation: 1);
            context.Sink.Add(Definitions, (writer, rv) => CustomResourceWriters.WriteDefinition(writer, meta, type, rv));
        }

        Issuer("letsencrypt-prod", "https://acme-v02.api.letsencrypt.org/directory", installed.AddMinutes(3));
        Issuer("letsencrypt-staging", "https://acme-staging-v02.api.letsencrypt.org/directory", installed.AddMinutes(3));
        Issuer("selfsigned", null, installed.AddMinutes(3));
    }

    /// <summary>The Certificate ingress-shim creates for an ingress's TLS secret; returns whether it was issued.</summary>
    public bool Certificate(string ns, string secretName, string host, string ingressUid, string ingressName, DateTimeOffset created)
    {
        var ready = context.Entropy.Chance(0.92);
        var spec = new FieldSet();
        spec.F("metadata").F("ownerReferences").Self().K("uid", ingressUid).Self();
        spec.F("spec").Leaves("dnsNames", "issuerRef", "secretName", "usages");
        var meta = context.Meta(secretName, ns, created, owners: [new OwnerReference("networking.k8s.io/v1", "Ingress", ingressName, ingressUid)],
            managedFields:
            [
                ManagedFieldsEntry.Update("cert-manager-ingress-shim", "cert-manager.io/v1", created, spec),
                ManagedFieldsEntry.Update("cert-manager-certificates-readiness", "cert-manager.io/v1", created.AddMinutes(1),
                    WorkloadFieldSets.Status(ready ? ["conditions", "notAfter", "notBefore", "renewalTime", "revision"] : ["conditions"]), "status"),
            ],
            generation: 1);
        var notBefore = context.Between(context.Now.AddDays(-59), context.Now.AddDays(-1));
        var model = new CertificateModel(meta, host, secretName, "letsencrypt-prod", ready, notBefore, context.Entropy.Int(1, 9));
        context.Sink.Add(CertManagerResources.Certificates, (writer, rv) => CustomResourceWriters.WriteCertificate(writer, model, rv));
        return ready;
    }

    private void Issuer(string name, string? acmeServer, DateTimeOffset created)
    {
        var fields = new FieldSet();
        fields.F("spec").Leaves(acmeServer is null ? "selfSigned" : "acme");
        var meta = context.Meta(name, "", created,
            managedFields:
            [
                ManagedFieldsEntry.Update("kubectl-client-side-apply", "cert-manager.io/v1", created, fields),
                ManagedFieldsEntry.Update("cert-manager-clusterissuers", "cert-manager.io/v1", created, WorkloadFieldSets.Status(acmeServer is null ? ["conditions"] : ["acme", "conditions"]), "status"),
            ],
            generation: 1);
        var issuer = new ClusterIssuerModel(meta, acmeServer, acmeServer is null ? null : "platform-team@example.com");
        context.Sink.Add(CertManagerResources.ClusterIssuers, (writer, rv) => CustomResourceWriters.WriteClusterIssuer(writer, issuer, rv));
    }
}
