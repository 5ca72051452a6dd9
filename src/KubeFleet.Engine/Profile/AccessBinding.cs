using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using KubeFleet.Engine.Connections;

namespace KubeFleet.Engine.Profile;

/// <summary>
/// A digest of everything in a cluster's access that decides where its secrets go and how: the
/// server, how it is trusted, who is impersonated, and which exec plugin runs with which arguments.
/// It is part of each secret's associated data, so a profile edited to send a sealed token to
/// another server, or sealed AWS keys to another program, fails to open instead of leaking them.
/// </summary>
/// <remarks>
/// The canonical form below is part of the profile format: changing it makes every sealed secret
/// unreadable, so it may only change together with schemaVersion.
/// </remarks>
internal static class AccessBinding
{
    public static byte[] Of(ClusterAccess access)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            writer.WriteStringValue(access.Server.OriginalString);
            writer.WriteStringValue(access.CertificateAuthorityPem);
            writer.WriteStringValue(access.TlsServerName);
            writer.WriteBooleanValue(access.InsecureSkipTlsVerify);
            writer.WriteBooleanValue(access.DisableCompression);
            writer.WriteStringValue(access.Impersonate);
            WriteStrings(writer, access.ImpersonateGroups);
            writer.WriteStringValue(access.ExecClusterConfigJson);
            writer.WriteStringValue(access.Credential.Kind);
            switch (access.Credential)
            {
                case ClientCertificateCredential certificate:
                    writer.WriteStringValue(certificate.CertificatePem);
                    break;
                case ExecCredential { Config: var exec }:
                    writer.WriteStringValue(exec.ApiVersion);
                    writer.WriteStringValue(exec.Command);
                    WriteStrings(writer, exec.Args);
                    WriteStrings(writer, exec.Env.Select(variable => variable.Name));
                    writer.WriteStringValue(exec.InteractiveMode.ToString());
                    writer.WriteBooleanValue(exec.ProvideClusterInfo);
                    writer.WriteStringValue(exec.InstallHint);
                    writer.WriteStringValue(exec.BaseDirectory);
                    break;
            }

            writer.WriteEndArray();
        }

        return SHA256.HashData(buffer.WrittenSpan);
    }

    private static void WriteStrings(Utf8JsonWriter writer, IEnumerable<string> values)
    {
        writer.WriteStartArray();
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}
