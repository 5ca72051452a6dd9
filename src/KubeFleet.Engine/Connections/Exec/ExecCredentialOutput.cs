using System.Globalization;
using System.Text.Json;
using KubeFleet.Engine.Connections.Credentials;
using KubeFleet.Engine.Connections.Tls;
using KubeFleet.Engine.Errors;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace KubeFleet.Engine.Connections.Exec;

/// <summary>
/// Reads and validates what a plugin printed, with client-go's rules and messages: JSON, or YAML
/// when the text does not start with '{' (the universal decoder's choice); unknown fields ignored;
/// the apiVersion must be the configured one; a status with a token or a certificate and key.
/// </summary>
internal static class ExecCredentialOutput
{
    public static ExecCredentialResult Parse(string stdout, ExecPluginInvocation invocation)
    {
        var document = stdout.TrimStart().StartsWith('{') ? ReadJson(stdout) : ReadYaml(stdout);
        var configured = invocation.Config.ApiVersion;
        if (document.ApiVersion != configured)
        {
            throw new ExecOutputRejectedException($"exec plugin is configured to use API version {configured}, plugin returned version {document.ApiVersion ?? "(none)"}");
        }

        if (document.Status is not { } status)
        {
            throw new ExecOutputRejectedException("exec plugin didn't return a status field");
        }

        var hasCertificate = !string.IsNullOrEmpty(status.ClientCertificateData);
        var hasKey = !string.IsNullOrEmpty(status.ClientKeyData);
        if (string.IsNullOrEmpty(status.Token) && !hasCertificate && !hasKey)
        {
            throw new ExecOutputRejectedException("exec plugin didn't return a token or cert/key pair");
        }

        if (hasCertificate != hasKey)
        {
            throw new ExecOutputRejectedException("exec plugin returned only certificate or key, not both");
        }

        DateTimeOffset? expiresAt = null;
        if (!string.IsNullOrEmpty(status.ExpirationTimestamp))
        {
            if (!DateTimeOffset.TryParse(status.ExpirationTimestamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
            {
                throw new ExecOutputRejectedException($"decoding stdout: expirationTimestamp \"{status.ExpirationTimestamp}\" is not an RFC 3339 time");
            }

            expiresAt = parsed;
        }

        ClientCertificate? certificate = null;
        if (hasCertificate)
        {
            try
            {
                certificate = PemCertificates.LoadClientCertificate(invocation.ClusterName, status.ClientCertificateData!, status.ClientKeyData!, $"returned by exec plugin '{invocation.Config.Command}'");
            }
            catch (KubeFleetException e)
            {
                throw new ExecOutputRejectedException("exec plugin returned a client certificate and key that cannot be used", e);
            }
        }

        var token = string.IsNullOrEmpty(status.Token) ? null : status.Token;
        return new ExecCredentialResult(new RequestCredentials(token, certificate), expiresAt);
    }

    private static OutputDocument ReadJson(string stdout)
    {
        try
        {
            using var json = JsonDocument.Parse(stdout);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new ExecOutputRejectedException("decoding stdout: the output is not a JSON object");
            }

            OutputStatus? status = null;
            if (root.TryGetProperty("status", out var statusElement) && statusElement.ValueKind == JsonValueKind.Object)
            {
                status = new OutputStatus(
                    JsonString(statusElement, "token"),
                    JsonString(statusElement, "clientCertificateData"),
                    JsonString(statusElement, "clientKeyData"),
                    JsonString(statusElement, "expirationTimestamp"));
            }

            return new OutputDocument(JsonString(root, "apiVersion"), status);
        }
        catch (JsonException e)
        {
            throw new ExecOutputRejectedException($"decoding stdout: {e.Message}", e);
        }
    }

    private static string? JsonString(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw new ExecOutputRejectedException($"decoding stdout: field \"{name}\" must be a string, not {value.ValueKind.ToString().ToLowerInvariant()}");
    }

    private static OutputDocument ReadYaml(string stdout)
    {
        var yaml = new YamlStream();
        try
        {
            yaml.Load(new StringReader(stdout));
        }
        catch (YamlException e)
        {
            throw new ExecOutputRejectedException($"decoding stdout: {e.Message}", e);
        }

        if (yaml.Documents.Count == 0 || yaml.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new ExecOutputRejectedException("decoding stdout: the plugin printed no ExecCredential object");
        }

        OutputStatus? status = null;
        if (Child(root, "status") is YamlMappingNode statusNode)
        {
            status = new OutputStatus(
                YamlString(statusNode, "token"),
                YamlString(statusNode, "clientCertificateData"),
                YamlString(statusNode, "clientKeyData"),
                YamlString(statusNode, "expirationTimestamp"));
        }

        return new OutputDocument(YamlString(root, "apiVersion"), status);
    }

    private static YamlNode? Child(YamlMappingNode mapping, string name) =>
        mapping.Children.TryGetValue(new YamlScalarNode(name), out var node) ? node : null;

    private static string? YamlString(YamlMappingNode mapping, string name) => Child(mapping, name) switch
    {
        null => null,
        YamlScalarNode { Style: ScalarStyle.Plain, Value: "null" or "~" or "" } => null,
        YamlScalarNode scalar => scalar.Value,
        _ => throw new ExecOutputRejectedException($"decoding stdout: field \"{name}\" must be a string"),
    };

    private sealed record OutputDocument(string? ApiVersion, OutputStatus? Status);

    private sealed record OutputStatus(string? Token, string? ClientCertificateData, string? ClientKeyData, string? ExpirationTimestamp)
    {
        public override string ToString() => $"OutputStatus {{ ExpirationTimestamp = {ExpirationTimestamp} }}";
    }
}

/// <summary>The plugin's output broke client-go's rules; the message is client-go's own.</summary>
internal sealed class ExecOutputRejectedException(string message, Exception? inner = null) : Exception(message, inner);
