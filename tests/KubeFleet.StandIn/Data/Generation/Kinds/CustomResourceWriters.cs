using System.Text.Json;
using KubeFleet.StandIn.Data.Catalog;
using KubeFleet.StandIn.Data.Json;

namespace KubeFleet.StandIn.Data.Generation.Kinds;

/// <summary>A cert-manager Certificate for one DNS name, issued (ready) or still being issued.</summary>
internal sealed record CertificateModel(ObjectMeta Meta, string DnsName, string SecretName, string Issuer, bool Ready, DateTimeOffset NotBefore, int Revision);

/// <summary>A cert-manager ClusterIssuer: ACME (Let's Encrypt) or self-signed.</summary>
internal sealed record ClusterIssuerModel(ObjectMeta Meta, string? AcmeServer, string? AcmeEmail);

/// <summary>
/// CustomResourceDefinitions (a built-in, typed kind) and the custom resources they define. Custom resources
/// are written in typed order here and served with sorted keys (see <see cref="UnstructuredJson"/>).
/// </summary>
internal static class CustomResourceWriters
{
    public static void WriteDefinition(Utf8JsonWriter writer, ObjectMeta meta, ResourceType type, string resourceVersion)
    {
        writer.WriteStartObject();
        meta.Write(writer, resourceVersion);
        writer.WriteStartObject("spec");
        writer.WriteString("group", type.Group);
        WriteNames(writer, "names", type);
        writer.WriteString("scope", type.Namespaced ? "Namespaced" : "Cluster");
        writer.WriteStartArray("versions");
        writer.WriteStartObject();
        writer.WriteString("name", type.Version);
        writer.WriteBoolean("served", true);
        writer.WriteBoolean("storage", true);
        writer.WriteStartObject("schema");
        writer.WriteStartObject("openAPIV3Schema");
        writer.WriteString("description", $"A {type.Kind} is a cert-manager resource; see https://cert-manager.io/docs/reference/api-docs/.");
        writer.WriteString("type", "object");
        writer.WriteStartArray("required");
        writer.WriteStringValue("spec");
        writer.WriteEndArray();
        writer.WriteStartObject("properties");
        WriteSchemaProperty(writer, "apiVersion", "string", "APIVersion defines the versioned schema of this representation of an object.");
        WriteSchemaProperty(writer, "kind", "string", "Kind is a string value representing the REST resource this object represents.");
        WriteSchemaProperty(writer, "metadata", "object", null);
        WriteSchemaProperty(writer, "spec", "object", $"Desired state of the {type.Kind} resource.", preserveUnknownFields: true);
        WriteSchemaProperty(writer, "status", "object", $"Status of the {type.Kind}. This is set and managed automatically.", preserveUnknownFields: true);
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteStartObject("subresources");
        writer.WriteEmptyObject("status");
        writer.WriteEndObject();
        writer.WriteStartArray("additionalPrinterColumns");
        foreach (var column in type.PrinterColumns)
        {
            writer.WriteStartObject();
            writer.WriteString("name", column.Name);
            writer.WriteString("type", column.Type);
            writer.WriteStringIfAny("description", column.Description);
            writer.WriteString("jsonPath", column.JsonPath);
            if (column.Priority != 0)
            {
                writer.WriteNumber("priority", column.Priority);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteStartObject("conversion");
        writer.WriteString("strategy", "None");
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteStartObject("status");
        writer.WriteStartArray("conditions");
        WriteDefinitionCondition(writer, "NamesAccepted", meta.Created, "NoConflicts", "no conflicts found");
        WriteDefinitionCondition(writer, "Established", meta.Created, "InitialNamesAccepted", "the initial names have been accepted");
        writer.WriteEndArray();
        WriteNames(writer, "acceptedNames", type);
        writer.WriteStringArray("storedVersions", [type.Version]);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    public static void WriteCertificate(Utf8JsonWriter writer, CertificateModel certificate, string resourceVersion)
    {
        writer.WriteStartObject();
        writer.WriteString("apiVersion", CertManagerResources.Certificates.GroupVersion);
        writer.WriteString("kind", CertManagerResources.Certificates.Kind);
        certificate.Meta.Write(writer, resourceVersion);
        writer.WriteStartObject("spec");
        writer.WriteStringArray("dnsNames", [certificate.DnsName]);
        writer.WriteStartObject("issuerRef");
        writer.WriteString("group", CertManagerResources.Group);
        writer.WriteString("kind", CertManagerResources.ClusterIssuers.Kind);
        writer.WriteString("name", certificate.Issuer);
        writer.WriteEndObject();
        writer.WriteString("secretName", certificate.SecretName);
        writer.WriteStringArray("usages", ["digital signature", "key encipherment"]);
        writer.WriteEndObject();
        writer.WriteStartObject("status");
        writer.WriteStartArray("conditions");
        if (certificate.Ready)
        {
            WriteReadyCondition(writer, "True", certificate.NotBefore, "Ready", "Certificate is up to date and has not expired");
        }
        else
        {
            WriteCustomCondition(writer, "Issuing", "True", certificate.Meta.Created, "DoesNotExist", "Issuing certificate as Secret does not exist");
            WriteReadyCondition(writer, "False", certificate.Meta.Created, "DoesNotExist", "Issuing certificate as Secret does not exist");
        }

        writer.WriteEndArray();
        if (certificate.Ready)
        {
            writer.WriteTime("notAfter", certificate.NotBefore.AddDays(90));
            writer.WriteTime("notBefore", certificate.NotBefore);
            writer.WriteTime("renewalTime", certificate.NotBefore.AddDays(60));
            writer.WriteNumber("revision", certificate.Revision);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    public static void WriteClusterIssuer(Utf8JsonWriter writer, ClusterIssuerModel issuer, string resourceVersion)
    {
        writer.WriteStartObject();
        writer.WriteString("apiVersion", CertManagerResources.ClusterIssuers.GroupVersion);
        writer.WriteString("kind", CertManagerResources.ClusterIssuers.Kind);
        issuer.Meta.Write(writer, resourceVersion);
        writer.WriteStartObject("spec");
        if (issuer.AcmeServer is { } server)
        {
            writer.WriteStartObject("acme");
            writer.WriteString("email", issuer.AcmeEmail);
            writer.WriteStartObject("privateKeySecretRef");
            writer.WriteString("name", issuer.Meta.Name + "-account-key");
            writer.WriteEndObject();
            writer.WriteString("server", server);
            writer.WriteStartArray("solvers");
            writer.WriteStartObject();
            writer.WriteStartObject("http01");
            writer.WriteStartObject("ingress");
            writer.WriteString("ingressClassName", "nginx");
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteEmptyObject("selfSigned");
        }

        writer.WriteEndObject();
        writer.WriteStartObject("status");
        if (issuer.AcmeServer is not null)
        {
            writer.WriteStartObject("acme");
            writer.WriteString("lastRegisteredEmail", issuer.AcmeEmail);
            writer.WriteString("uri", issuer.AcmeServer.Replace("/directory", "/acme/acct/" + issuer.Meta.Uid[..8], StringComparison.Ordinal));
            writer.WriteEndObject();
        }

        writer.WriteStartArray("conditions");
        WriteReadyCondition(writer, "True", issuer.Meta.Created,
            issuer.AcmeServer is null ? "IsReady" : "ACMEAccountRegistered",
            issuer.AcmeServer is null ? "" : "The ACME account was registered with the ACME server");
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteNames(Utf8JsonWriter writer, string name, ResourceType type)
    {
        writer.WriteStartObject(name);
        writer.WriteString("plural", type.Resource);
        writer.WriteString("singular", type.Singular);
        if (type.ShortNames.Count > 0)
        {
            writer.WriteStringArray("shortNames", type.ShortNames);
        }

        writer.WriteString("kind", type.Kind);
        writer.WriteString("listKind", type.ListKind);
        if (type.Categories.Count > 0)
        {
            writer.WriteStringArray("categories", type.Categories);
        }

        writer.WriteEndObject();
    }

    private static void WriteSchemaProperty(Utf8JsonWriter writer, string name, string type, string? description, bool preserveUnknownFields = false)
    {
        writer.WriteStartObject(name);
        writer.WriteStringIfAny("description", description);
        writer.WriteString("type", type);
        if (preserveUnknownFields)
        {
            writer.WriteBoolean("x-kubernetes-preserve-unknown-fields", true);
        }

        writer.WriteEndObject();
    }

    private static void WriteDefinitionCondition(Utf8JsonWriter writer, string type, DateTimeOffset since, string reason, string message)
    {
        writer.WriteStartObject();
        writer.WriteString("type", type);
        writer.WriteString("status", "True");
        writer.WriteTime("lastTransitionTime", since);
        writer.WriteString("reason", reason);
        writer.WriteString("message", message);
        writer.WriteEndObject();
    }

    private static void WriteReadyCondition(Utf8JsonWriter writer, string status, DateTimeOffset since, string reason, string message) =>
        WriteCustomCondition(writer, "Ready", status, since, reason, message);

    private static void WriteCustomCondition(Utf8JsonWriter writer, string type, string status, DateTimeOffset since, string reason, string message)
    {
        writer.WriteStartObject();
        writer.WriteTime("lastTransitionTime", since);
        writer.WriteString("message", message);
        writer.WriteNumber("observedGeneration", 1);
        writer.WriteString("reason", reason);
        writer.WriteString("status", status);
        writer.WriteString("type", type);
        writer.WriteEndObject();
    }
}
