using System.Security.Cryptography;
using System.Text;

namespace KubeFleet.Engine.Connections;

/// <summary>
/// Digests of what a connection or an exec plugin run depends on, so that caches can tell "the same
/// access" from "changed access" without keeping secrets as keys. Lists make the records'
/// own equality referential, hence a digest over every field.
/// </summary>
internal static class AccessDigest
{
    public static string OfAccess(ClusterAccess access)
    {
        var fields = new Fields();
        AddCluster(fields, access);
        fields.Add(access.Credential.Kind);
        switch (access.Credential)
        {
            case TokenCredential token:
                fields.Add(token.Token);
                break;
            case ClientCertificateCredential certificate:
                fields.Add(certificate.CertificatePem);
                fields.Add(certificate.KeyPem);
                break;
            case ExecCredential exec:
                AddExec(fields, exec.Config);
                break;
        }

        fields.Add(access.Impersonate);
        foreach (var group in access.ImpersonateGroups)
        {
            fields.Add(group);
        }

        return fields.Finish();
    }

    /// <summary>client-go keys its exec credential cache by the exec config and the cluster.</summary>
    public static string OfExecInvocation(ExecConfig config, ClusterAccess access)
    {
        var fields = new Fields();
        AddExec(fields, config);
        AddCluster(fields, access);
        return fields.Finish();
    }

    private static void AddCluster(Fields fields, ClusterAccess access)
    {
        fields.Add(access.Server.OriginalString);
        fields.Add(access.TlsServerName);
        fields.Add(access.InsecureSkipTlsVerify.ToString());
        fields.Add(access.CertificateAuthorityPem);
        fields.Add(access.ProxyUrl?.OriginalString);
        fields.Add(access.DisableCompression.ToString());
        fields.Add(access.ExecClusterConfigJson);
    }

    private static void AddExec(Fields fields, ExecConfig config)
    {
        fields.Add(config.ApiVersion);
        fields.Add(config.Command);
        fields.Add(config.BaseDirectory);
        fields.Add(config.InteractiveMode.ToString());
        fields.Add(config.ProvideClusterInfo.ToString());
        fields.Add(config.Args.Count.ToString());
        foreach (var argument in config.Args)
        {
            fields.Add(argument);
        }

        fields.Add(config.Env.Count.ToString());
        foreach (var variable in config.Env)
        {
            fields.Add(variable.Name);
            fields.Add(variable.Value);
        }
    }

    /// <summary>Length-prefixed fields, so that no two different field lists produce the same text.</summary>
    private sealed class Fields
    {
        private readonly StringBuilder _text = new();

        public void Add(string? value) => _text.Append(value?.Length ?? -1).Append(':').Append(value).Append('\n');

        public string Finish() => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(_text.ToString())));
    }
}
