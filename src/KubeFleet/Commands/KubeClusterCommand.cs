using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Management.Automation;
using System.Net;
using System.Security;
using KubeFleet.Engine.Connections;
using KubeFleet.Engine.Errors;
using KubeFleet.Engine.KubeConfig;
using KubeFleet.Engine.Profile;
using KubeFleet.Engine.Registry;
using KubeFleet.Hosting;

namespace KubeFleet.Commands;

/// <summary>
/// What the cluster registry's cmdlets share: the registry session over the command's profile,
/// the conversion of hashtable parameters, and writing what the engine reports, each warning once.
/// </summary>
public abstract class KubeClusterCommand : KubeFleetCmdlet
{
    private readonly ConcurrentQueue<string> connectionWarnings = new();
    private readonly HashSet<string> warningsWritten = new(StringComparer.Ordinal);

    /// <summary>
    /// The registry over -ProfilePath (else $env:KUBEFLEET_PROFILE, else the default profile). The
    /// profile key variable is read through the session too, so a test's key is the one used.
    /// </summary>
    protected RegistrySession OpenSession() => RegistrySession.Open(
        ResolveProfilePath(),
        new SessionProfileEnvironment(GetEnvironmentVariable),
        new ClusterConnectionOptions { OnWarning = warning => connectionWarnings.Enqueue(warning.Message) });

    /// <summary>Writes a warning unless this command has written the same one already (each TLS handshake repeats it).</summary>
    protected void WriteWarningOnce(string message)
    {
        if (warningsWritten.Add(message))
        {
            WriteWarning(message);
        }
    }

    /// <summary>Connections report warnings from any thread; they are written here, on the pipeline thread.</summary>
    protected void WriteConnectionWarnings()
    {
        while (connectionWarnings.TryDequeue(out var message))
        {
            WriteWarningOnce(message);
        }
    }

    /// <summary>Writes how a registration or rotation ended: details as verbose, then warnings, then the error or the cluster.</summary>
    protected void WriteOutcome(RegistryOutcome outcome, bool passThru)
    {
        foreach (var detail in outcome.Details)
        {
            WriteVerbose(detail);
        }

        WriteConnectionWarnings();
        foreach (var warning in outcome.Warnings)
        {
            WriteWarningOnce(warning);
        }

        if (outcome.Error is { } error)
        {
            WriteError(error);
        }
        else if (passThru && outcome.Cluster is { } cluster)
        {
            WriteObject(KubeCluster.From(cluster));
        }
    }

    /// <summary>Loads -KubeConfig text, or the -KubeConfigPath files (by default those kubectl reads: $env:KUBECONFIG or ~/.kube/config).</summary>
    protected LoadedKubeConfig LoadKubeConfig(string[]? paths, string? text)
    {
        var kubeConfig = text is not null
            ? KubeConfigLoader.LoadText(text)
            : KubeConfigLoader.LoadFiles((paths is { Length: > 0 } ? paths : DefaultKubeConfigPaths()).Select(ResolveFileSystemPath).ToList());
        foreach (var warning in kubeConfig.Warnings)
        {
            WriteWarningOnce(warning);
        }

        return kubeConfig;
    }

    /// <summary>A -Label hashtable as label keys and values; a null value is the empty value.</summary>
    protected static IReadOnlyDictionary<string, string> LabelsFrom(Hashtable? labels) =>
        labels is null
            ? new Dictionary<string, string>()
            : labels.Cast<DictionaryEntry>().ToDictionary(entry => Text(entry.Key) ?? "", entry => Text(entry.Value) ?? "", StringComparer.Ordinal);

    /// <summary>
    /// A -ExecEnvironment hashtable as variables. A SecureString value is opened only here, to be
    /// sealed into the profile; the error for a missing value names the variable, never a value.
    /// </summary>
    protected static IReadOnlyList<ExecEnvVar> ExecEnvironmentFrom(Hashtable? environment) =>
        environment is null
            ? []
            : environment.Cast<DictionaryEntry>()
                .Select(entry =>
                {
                    var name = Text(entry.Key) ?? "";
                    var value = Unwrap(entry.Value) switch
                    {
                        SecureString secure => new NetworkCredential("", secure).Password,
                        var other => Text(other),
                    };
                    return new ExecEnvVar(name, value ?? throw new KubeFleetException(
                        RegistryErrorIds.ExecEnvironmentInvalid,
                        ErrorKind.InvalidArgument,
                        $"The exec environment variable '{name}' has no value. Give it a string or a SecureString (Read-Host -AsSecureString), or leave it out.",
                        name));
                })
                // A hashtable has no order; sorting keeps the plugin's environment, and the profile, the same from run to run.
                .OrderBy(variable => variable.Name, StringComparer.Ordinal)
                .ToList();

    private IReadOnlyList<string> DefaultKubeConfigPaths() =>
        KubeConfigLoader.DefaultPaths(GetEnvironmentVariable("KUBECONFIG"), ResolveFileSystemPath("~"));

    private static object? Unwrap(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;

    private static string? Text(object? value) => Unwrap(value) switch
    {
        null => null,
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        var other => other.ToString(),
    };

    /// <summary>The process's folders, with variables as this command's session sees them.</summary>
    private sealed class SessionProfileEnvironment(Func<string, string?> variables) : IProfileEnvironment
    {
        public bool IsWindows => OperatingSystem.IsWindows();

        public string? GetVariable(string name) => variables(name);

        public string GetFolderPath(Environment.SpecialFolder folder) =>
            Environment.GetFolderPath(folder, Environment.SpecialFolderOption.DoNotVerify);
    }
}
