using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KubeFleet.Engine.Errors;
using KubeFleet.StandIn.Data.Json;
using KubeFleet.StandIn.Security;

namespace KubeFleet.StandIn.ExecPlugin;

/// <summary>
/// The exec credential plugin (<c>KubeFleet.StandIn exec-credential ...</c>): prints an
/// ExecCredential with a token the fleet's clusters accept, in the API version
/// <c>KUBERNETES_EXEC_INFO</c> asks for (v1beta1 when it is empty, as <c>aws eks get-token</c>
/// does). With <c>--aws</c> the remaining arguments are aws-cli's
/// (<c>--region R eks get-token --cluster-name C --output json</c>) and the token is for the
/// cluster's exec user. Optionally records each run as a JSON line for tests to inspect.
/// </summary>
public static class ExecCredentialCommand
{
    public const string Name = "exec-credential";

    public const string Usage =
        "usage: KubeFleet.StandIn exec-credential --fleet-secret-file FILE [--user USER] [--cluster NAME] [--ttl 15m]\n" +
        "         [--record FILE] [--record-env NAME]... [--fail-with-exit CODE] [--stderr TEXT] [--aws AWS-ARGUMENTS...]";

    private const string V1 = "client.authentication.k8s.io/v1";
    private const string V1Beta1 = "client.authentication.k8s.io/v1beta1";

    private static readonly string[] RecordedByDefault =
        ["AWS_PROFILE", "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_DEFAULT_OUTPUT"];

    private static readonly string[] SecretNameParts = ["SECRET", "TOKEN", "PASSWORD", "KEY"];

    /// <summary>Runs the plugin; returns the process exit code.</summary>
    public static int Run(IReadOnlyList<string> arguments, TextWriter stdout, TextWriter stderr, bool stdinIsTerminal, Func<string, string?> environment, TimeProvider clock)
    {
        ExecCredentialRequest request;
        try
        {
            request = ExecCredentialRequest.Parse(arguments);
        }
        catch (KubeFleetException e)
        {
            stderr.WriteLine(e.Message);
            stderr.WriteLine(Usage);
            return 2;
        }

        var execInfo = environment("KUBERNETES_EXEC_INFO");
        try
        {
            if (request.RecordFile is not null)
            {
                Record(request, arguments, execInfo, stdinIsTerminal, environment, clock);
            }

            if (request.Stderr is not null)
            {
                stderr.WriteLine(request.Stderr);
            }

            if (request.FailWithExitCode is { } exitCode)
            {
                return exitCode;
            }

            var (apiVersion, clusterFromInfo) = ReadExecInfo(execInfo);
            var tokens = ExecTokens.ReadSecretFile(request.SecretFile);
            var now = clock.GetUtcNow();
            var expires = now + request.TokenLifetime;
            var token = tokens.Issue(new ExecTokenClaims(request.User, request.Cluster ?? clusterFromInfo, now, expires));
            stdout.Write(Credential(apiVersion, token, expires, awsShape: request.IsAws));
            return 0;
        }
        catch (KubeFleetException e)
        {
            stderr.WriteLine(e.Message);
            return 1;
        }
    }

    /// <summary>The API version to answer with and, when the cluster was provided, its <c>clusterName</c>.</summary>
    private static (string ApiVersion, string? ClusterName) ReadExecInfo(string? execInfo)
    {
        if (string.IsNullOrWhiteSpace(execInfo))
        {
            return (V1Beta1, null);
        }

        JsonNode? info;
        try
        {
            info = JsonNode.Parse(execInfo);
        }
        catch (JsonException e)
        {
            throw new KubeFleetException("StandInExecInfoInvalid", ErrorKind.InvalidData,
                $"KUBERNETES_EXEC_INFO is not JSON ({e.Message}); a client must set it to an ExecCredential.", null, e);
        }

        var apiVersion = Text(info, "apiVersion") ?? "";
        if (apiVersion is not (V1 or V1Beta1))
        {
            throw new KubeFleetException("StandInExecInfoVersionUnsupported", ErrorKind.InvalidData,
                $"KUBERNETES_EXEC_INFO asks for API version '{apiVersion}'; this plugin answers {V1} and {V1Beta1}.", apiVersion);
        }

        return (apiVersion, Text(info, "spec", "cluster", "config", "clusterName"));
    }

    /// <summary>The string at a path of object keys, or null when anything on the way is missing or of another type.</summary>
    private static string? Text(JsonNode? node, params string[] path)
    {
        foreach (var key in path)
        {
            node = node is JsonObject json ? json[key] : null;
        }

        return node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
    }

    private static string Credential(string apiVersion, string token, DateTimeOffset expires, bool awsShape)
    {
        var status = new JsonObject { ["expirationTimestamp"] = KubeJson.Time(expires), ["token"] = token };
        var credential = awsShape
            ? new JsonObject { ["kind"] = "ExecCredential", ["apiVersion"] = apiVersion, ["spec"] = new JsonObject(), ["status"] = status }
            : new JsonObject { ["apiVersion"] = apiVersion, ["kind"] = "ExecCredential", ["status"] = status };
        return credential.ToJsonString() + "\n";
    }

    private static void Record(ExecCredentialRequest request, IReadOnlyList<string> arguments, string? execInfo, bool stdinIsTerminal, Func<string, string?> environment, TimeProvider clock)
    {
        var recorded = new JsonObject();
        foreach (var name in RecordedByDefault.Concat(request.RecordEnvironment).Distinct(StringComparer.Ordinal))
        {
            if (environment(name) is { } value)
            {
                recorded[name] = IsSecretName(name) ? "sha256:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value))).ToLowerInvariant() : value;
            }
        }

        var line = new JsonObject
        {
            ["time"] = clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
            ["args"] = new JsonArray(arguments.Select(a => (JsonNode?)JsonValue.Create(a)).ToArray()),
            ["user"] = request.User,
            ["execInfo"] = execInfo,
            ["env"] = recorded,
            ["stdinIsTerminal"] = stdinIsTerminal,
        };
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.Append, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using var file = new StreamWriter(request.RecordFile!, new UTF8Encoding(false), options);
            file.Write(line.ToJsonString() + "\n");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new KubeFleetException("StandInExecRecordUnwritable", ErrorKind.WriteError,
                $"Cannot append to the record file '{request.RecordFile}': {e.Message}", request.RecordFile, e);
        }
    }

    private static bool IsSecretName(string name) => SecretNameParts.Any(part => name.Contains(part, StringComparison.OrdinalIgnoreCase));
}
