using System.Globalization;
using KubeFleet.Engine.Errors;
using KubeFleet.StandIn.Hosting;
using KubeFleet.StandIn.Security;

namespace KubeFleet.StandIn.ExecPlugin;

/// <summary>The exec-credential subcommand's arguments.</summary>
internal sealed record ExecCredentialRequest
{
    public required string SecretFile { get; init; }

    public string User { get; init; } = UserNames.ExecAdmin;

    public string? Cluster { get; init; }

    public TimeSpan TokenLifetime { get; init; } = TimeSpan.FromMinutes(15);

    public string? RecordFile { get; init; }

    public IReadOnlyList<string> RecordEnvironment { get; init; } = [];

    public int? FailWithExitCode { get; init; }

    public string? Stderr { get; init; }

    /// <summary>Called as <c>aws eks get-token</c>: answer in aws-cli's shape.</summary>
    public bool IsAws { get; init; }

    public static ExecCredentialRequest Parse(IReadOnlyList<string> arguments)
    {
        string? secretFile = null, user = null, cluster = null, recordFile = null, stderr = null;
        var lifetime = TimeSpan.FromMinutes(15);
        var recordEnvironment = new List<string>();
        int? failWith = null;
        for (var i = 0; i < arguments.Count; i++)
        {
            var option = arguments[i];
            if (option == "--aws")
            {
                cluster = AwsClusterName(arguments.Skip(i + 1).ToList());
                if (user is not null && user != UserNames.ExecAdmin)
                {
                    throw Invalid($"'aws eks get-token' always signs in as {UserNames.ExecAdmin}; drop --user {user}.");
                }

                return Build(isAws: true);
            }

            var value = i + 1 < arguments.Count ? arguments[++i] : throw Invalid($"{option} needs a value.");
            switch (option)
            {
                case "--fleet-secret-file": secretFile = value; break;
                case "--user": user = value; break;
                case "--cluster": cluster = value; break;
                case "--ttl": lifetime = DurationText.Parse(value, "--ttl"); break;
                case "--record": recordFile = value; break;
                case "--record-env": recordEnvironment.Add(value); break;
                case "--stderr": stderr = value; break;
                case "--fail-with-exit":
                    failWith = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var code) && code is > 0 and < 256
                        ? code
                        : throw Invalid($"--fail-with-exit takes an exit code from 1 to 255, not '{value}'.");
                    break;
                default: throw Invalid($"Unknown option '{option}'.");
            }
        }

        return Build(isAws: false);

        ExecCredentialRequest Build(bool isAws) => new()
        {
            SecretFile = secretFile ?? throw Invalid("--fleet-secret-file is required: the file the fleet wrote its secret to."),
            User = user ?? UserNames.ExecAdmin,
            Cluster = cluster,
            TokenLifetime = lifetime > TimeSpan.Zero ? lifetime : throw Invalid("--ttl must be positive."),
            RecordFile = recordFile,
            RecordEnvironment = recordEnvironment,
            FailWithExitCode = failWith,
            Stderr = stderr,
            IsAws = isAws,
        };
    }

    /// <summary>
    /// Accepts what <c>aws eks update-kubeconfig</c> puts in kubeconfigs —
    /// <c>[--region R] eks get-token --cluster-name C [--output json]</c>, options in any order
    /// as aws-cli allows — and returns the cluster name.
    /// </summary>
    private static string AwsClusterName(IReadOnlyList<string> awsArguments)
    {
        var positional = new List<string>();
        string? clusterName = null;
        for (var i = 0; i < awsArguments.Count; i++)
        {
            var argument = awsArguments[i];
            if (argument is "--region" or "--cluster-name" or "--output" or "--profile" or "--role-arn")
            {
                var value = i + 1 < awsArguments.Count ? awsArguments[++i] : throw Invalid($"aws: {argument} needs a value.");
                if (argument == "--cluster-name")
                {
                    clusterName = value;
                }
                else if (argument == "--output" && value != "json")
                {
                    throw Invalid($"aws: this stand-in only writes --output json, not '{value}'.");
                }
            }
            else
            {
                positional.Add(argument);
            }
        }

        if (!positional.SequenceEqual(["eks", "get-token"]))
        {
            throw Invalid($"aws: this stand-in only answers 'eks get-token', not '{string.Join(' ', positional)}'.");
        }

        return clusterName ?? throw Invalid("aws: eks get-token needs --cluster-name.");
    }

    private static KubeFleetException Invalid(string message) => new("StandInExecArgumentsInvalid", ErrorKind.InvalidArgument, message);
}
