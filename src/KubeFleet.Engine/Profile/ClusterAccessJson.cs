using System.Text.Json;
using KubeFleet.Engine.Connections;

namespace KubeFleet.Engine.Profile;

/// <summary>
/// A cluster's <see cref="ClusterAccess"/> as the profile stores it: readable settings, and every
/// secret (token, client key, exec environment values, the proxy URL, which may carry a password)
/// sealed in place as <c>{"aes256gcm": "..."}</c>.
/// </summary>
internal static class ClusterAccessJson
{
    private const string SealedProperty = "aes256gcm";
    private const string ProxyUrlField = "proxyUrl";
    private const string TokenField = "credential.token";
    private const string KeyPemField = "credential.keyPem";

    public static void Write(Utf8JsonWriter writer, ClusterAccess access, string clusterName, ProfileSecrets secrets)
    {
        var binding = AccessBinding.Of(access);
        void WriteSealed(string property, string field, string plaintext) =>
            WriteSealedValue(writer, property, secrets.Seal(clusterName, field, binding, plaintext));

        writer.WriteStartObject();
        writer.WriteString("server", access.Server.OriginalString);
        writer.WriteIfSet("certificateAuthorityPem", access.CertificateAuthorityPem);
        writer.WriteIfSet("tlsServerName", access.TlsServerName);
        writer.WriteIfSet("insecureSkipTlsVerify", access.InsecureSkipTlsVerify);
        if (access.ProxyUrl is not null)
        {
            WriteSealed("proxyUrl", ProxyUrlField, access.ProxyUrl.OriginalString);
        }

        writer.WriteIfSet("disableCompression", access.DisableCompression);
        writer.WriteIfSet("impersonate", access.Impersonate);
        writer.WriteIfAny("impersonateGroups", access.ImpersonateGroups);
        writer.WriteIfSet("execClusterConfigJson", access.ExecClusterConfigJson);

        writer.WriteStartObject("credential");
        writer.WriteString("kind", access.Credential.Kind);
        switch (access.Credential)
        {
            case TokenCredential token:
                WriteSealed("token", TokenField, token.Token);
                break;
            case ClientCertificateCredential certificate:
                writer.WriteString("certificatePem", certificate.CertificatePem);
                WriteSealed("keyPem", KeyPemField, certificate.KeyPem);
                break;
            case ExecCredential { Config: var exec }:
                writer.WriteStartObject("exec");
                writer.WriteString("apiVersion", exec.ApiVersion);
                writer.WriteString("command", exec.Command);
                writer.WriteIfAny("args", exec.Args);
                writer.WriteStartArray("env");
                for (var index = 0; index < exec.Env.Count; index++)
                {
                    writer.WriteStartObject();
                    writer.WriteString("name", exec.Env[index].Name);
                    WriteSealed("value", EnvField(index), exec.Env[index].Value);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteString("interactiveMode", exec.InteractiveMode.ToString());
                writer.WriteIfSet("provideClusterInfo", exec.ProvideClusterInfo);
                writer.WriteIfSet("installHint", exec.InstallHint);
                writer.WriteIfSet("baseDirectory", exec.BaseDirectory);
                writer.WriteEndObject();
                break;
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary>Reads and unseals a stored access block; needs the profile key only when the block holds a secret.</summary>
    /// <exception cref="ProfileFormatException">The block does not have the stored shape.</exception>
    public static ClusterAccess Read(JsonObjectReader json, string clusterName, ProfileSecrets secrets)
    {
        // The settings are read first, with secrets left empty, because the digest of those settings is
        // part of every secret's associated data.
        var sealedProxy = OptionalSealedValue(json, "proxyUrl");
        var credentialJson = json.OptionalObject("credential") ?? throw json.Wrong("credential", "present");
        var kind = credentialJson.RequiredString("kind");
        ClusterCredential credential = kind switch
        {
            "None" => new AnonymousCredential(),
            "Token" => new TokenCredential(""),
            "ClientCertificate" => new ClientCertificateCredential(credentialJson.RequiredString("certificatePem"), ""),
            "Exec" => new ExecCredential(ReadExec(credentialJson.OptionalObject("exec") ?? throw credentialJson.Wrong("exec", "present"))),
            _ => throw credentialJson.Wrong("kind", "None, Token, ClientCertificate or Exec"),
        };
        var settings = new ClusterAccess
        {
            Server = json.RequiredHttpUrl("server"),
            CertificateAuthorityPem = json.OptionalString("certificateAuthorityPem"),
            TlsServerName = json.OptionalString("tlsServerName"),
            InsecureSkipTlsVerify = json.OptionalBool("insecureSkipTlsVerify"),
            DisableCompression = json.OptionalBool("disableCompression"),
            Impersonate = json.OptionalString("impersonate"),
            ImpersonateGroups = json.OptionalStrings("impersonateGroups"),
            ExecClusterConfigJson = json.OptionalString("execClusterConfigJson"),
            Credential = credential,
        };

        var binding = AccessBinding.Of(settings);
        string Open(string field, string description, string sealedText) =>
            secrets.Unseal(clusterName, field, description, binding, sealedText);

        return settings with
        {
            ProxyUrl = sealedProxy is null ? null : new Uri(Open(ProxyUrlField, "proxy URL", sealedProxy)),
            Credential = credential switch
            {
                TokenCredential => new TokenCredential(Open(TokenField, "token", RequiredSealed(credentialJson, "token"))),
                ClientCertificateCredential certificate => certificate with
                {
                    KeyPem = Open(KeyPemField, "client key", RequiredSealed(credentialJson, "keyPem")),
                },
                ExecCredential exec => new ExecCredential(exec.Config with
                {
                    Env = UnsealEnv(credentialJson.OptionalObject("exec")!.Value, exec.Config.Env, Open),
                }),
                _ => credential,
            },
        };
    }

    private static ExecConfig ReadExec(JsonObjectReader json)
    {
        var mode = json.OptionalString("interactiveMode");
        return new ExecConfig
        {
            ApiVersion = json.RequiredString("apiVersion"),
            Command = json.RequiredString("command"),
            Args = json.OptionalStrings("args"),
            Env = json.OptionalArray("env")
                .Select(entry => new ExecEnvVar(new JsonObjectReader(entry.Item, entry.Path).RequiredString("name"), ""))
                .ToList(),
            InteractiveMode = mode is null
                ? ExecInteractiveMode.IfAvailable
                : Enum.TryParse<ExecInteractiveMode>(mode, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed)
                    ? parsed
                    : throw json.Wrong("interactiveMode", "Never, IfAvailable or Always"),
            ProvideClusterInfo = json.OptionalBool("provideClusterInfo"),
            InstallHint = json.OptionalString("installHint"),
            BaseDirectory = json.OptionalString("baseDirectory"),
        };
    }

    private static List<ExecEnvVar> UnsealEnv(JsonObjectReader execJson, IReadOnlyList<ExecEnvVar> names, Func<string, string, string, string> open) =>
        execJson.OptionalArray("env")
            .Select((entry, index) => names[index] with
            {
                Value = open(EnvField(index), $"exec environment variable {names[index].Name}", RequiredSealed(new JsonObjectReader(entry.Item, entry.Path), "value")),
            })
            .ToList();

    private static string EnvField(int index) => $"credential.exec.env[{index}]";

    public static void WriteSealedValue(Utf8JsonWriter writer, string property, string sealedText)
    {
        writer.WriteStartObject(property);
        writer.WriteString(SealedProperty, sealedText);
        writer.WriteEndObject();
    }

    public static string? OptionalSealedValue(JsonObjectReader json, string name) =>
        json.OptionalObject(name) is { } sealedValue
            ? sealedValue.OptionalString(SealedProperty) ?? throw json.Wrong(name, $"a sealed value {{\"{SealedProperty}\": \"...\"}}")
            : null;

    private static string RequiredSealed(JsonObjectReader json, string name) =>
        OptionalSealedValue(json, name) ?? throw json.Wrong(name, "a sealed value");

}
