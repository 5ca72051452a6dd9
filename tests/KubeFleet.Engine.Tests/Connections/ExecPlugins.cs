using KubeFleet.Engine.Connections;
using KubeFleet.Engine.Connections.Exec;

namespace KubeFleet.Engine.Tests.Connections;

/// <summary>Shell-script exec plugins and the configuration that runs them.</summary>
internal static class ExecPlugins
{
    public const string V1 = "client.authentication.k8s.io/v1";
    public const string V1Beta1 = "client.authentication.k8s.io/v1beta1";

    /// <summary>A plugin that records its input and each run, then prints <paramref name="output"/>.</summary>
    public static string WriteRecordingPlugin(TempDirectory directory, string output, string name = "plugin.sh") =>
        directory.WriteScript(name, $"""
            printf '%s' "$KUBERNETES_EXEC_INFO" > "$DIR/info.json"
            echo run >> "$DIR/runs"
            cat <<'CREDENTIAL'
            {output}
            CREDENTIAL
            """);

    public static string TokenOutput(string token, string apiVersion = V1, string? expirationTimestamp = null) =>
        $$$"""{"apiVersion":"{{{apiVersion}}}","kind":"ExecCredential","status":{"token":"{{{token}}}"{{{Expiry(expirationTimestamp)}}}}}""";

    private static string Expiry(string? expirationTimestamp) =>
        expirationTimestamp is null ? "" : $",\"expirationTimestamp\":\"{expirationTimestamp}\"";

    public static int Runs(TempDirectory directory) =>
        File.Exists(directory.File("runs")) ? File.ReadAllLines(directory.File("runs")).Length : 0;

    public static ExecConfig Config(string command, string apiVersion = V1, ExecInteractiveMode mode = ExecInteractiveMode.Never) => new()
    {
        ApiVersion = apiVersion,
        Command = command,
        InteractiveMode = mode,
    };

    public static ClusterAccess Access(ExecConfig config, string server = "https://127.0.0.1:29443") => new()
    {
        Server = new Uri(server),
        Credential = new ExecCredential(config),
    };

    public static ExecPluginInvocation Invocation(ExecConfig config, string cluster = "prod", string server = "https://127.0.0.1:29443") =>
        new(cluster, config, Access(config, server));

    public static ExecPluginRunner Runner(bool terminal = false, double timeoutSeconds = 20) =>
        new(TimeSpan.FromSeconds(timeoutSeconds), () => terminal);
}
