using System.Text;
using System.Text.Json;

namespace KubeFleet.Engine.Connections.Exec;

/// <summary>
/// The <c>KUBERNETES_EXEC_INFO</c> value client-go hands a plugin: an ExecCredential with
/// <c>spec.interactive</c> and, when the exec block asks for it, <c>spec.cluster</c>, with Go's
/// field names, order and omissions and its trailing newline.
/// </summary>
internal static class ExecInfo
{
    public const string VariableName = "KUBERNETES_EXEC_INFO";

    public static string Build(ExecConfig config, ClusterAccess access, bool interactive)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("kind", "ExecCredential");
            json.WriteString("apiVersion", config.ApiVersion);
            json.WriteStartObject("spec");
            if (config.ProvideClusterInfo)
            {
                WriteCluster(json, access);
            }

            json.WriteBoolean("interactive", interactive);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void WriteCluster(Utf8JsonWriter json, ClusterAccess access)
    {
        json.WriteStartObject("cluster");
        json.WriteString("server", access.Server.OriginalString);
        if (access.TlsServerName is { Length: > 0 } serverName)
        {
            json.WriteString("tls-server-name", serverName);
        }

        if (access.InsecureSkipTlsVerify)
        {
            json.WriteBoolean("insecure-skip-tls-verify", true);
        }

        if (access.CertificateAuthorityPem is { Length: > 0 } authority)
        {
            // A []byte in Go, so base64 of the PEM text.
            json.WriteBase64String("certificate-authority-data", Encoding.UTF8.GetBytes(authority));
        }

        if (access.ProxyUrl is { } proxyUrl)
        {
            json.WriteString("proxy-url", proxyUrl.OriginalString);
        }

        if (access.DisableCompression)
        {
            json.WriteBoolean("disable-compression", true);
        }

        if (access.ExecClusterConfigJson is { Length: > 0 } clusterConfig)
        {
            json.WritePropertyName("config");
            json.WriteRawValue(clusterConfig);
        }

        json.WriteEndObject();
    }
}
