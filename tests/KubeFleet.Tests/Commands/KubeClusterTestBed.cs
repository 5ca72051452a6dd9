using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using KubeFleet.Hosting;
using KubeFleet.Tests.Harness;

namespace KubeFleet.Tests.Commands;

/// <summary>
/// A session for the cluster cmdlets: a working folder with the test's own profile, a profile key
/// of its own given through KUBEFLEET_PROFILE_KEY, and harnesses that use both. The real user's
/// profile, key and kubeconfig are never read.
/// </summary>
public sealed class KubeClusterTestBed : IDisposable
{
    /// <summary>Secrets that appear nowhere else, to prove they never leave the profile in clear.</summary>
    public const string CanaryToken = "canary-token-2b7e51";
    public const string CanaryEnvValue = "canary-env-value-9c44d0";

    public static readonly string[] Canaries = [CanaryToken, CanaryEnvValue];

    public KubeClusterTestBed()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("kubefleet-cmdlets-").FullName;
        ProfilePath = Path.Combine(Directory, "profile.json");
        ProfileKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    }

    public string Directory { get; }

    public string ProfilePath { get; }

    public string ProfileKey { get; }

    public string ProfileText => File.Exists(ProfilePath) ? File.ReadAllText(ProfilePath) : "";

    /// <summary>A harness in the working folder, with the test profile (-ProfilePath) and key.</summary>
    public CmdletHarness<TCmdlet> Harness<TCmdlet>()
        where TCmdlet : KubeFleetCmdlet, new() =>
        new CmdletHarness<TCmdlet>()
            .InDirectory(Directory)
            .WithHomeDirectory(Directory)
            .WithEnvironmentVariable("KUBEFLEET_PROFILE_KEY", ProfileKey)
            .With("ProfilePath", "profile.json");

    /// <summary>Writes a file into the working folder; returns its relative path.</summary>
    public string WriteFile(string name, string content)
    {
        File.WriteAllText(Path.Combine(Directory, name), content);
        return name;
    }

    /// <summary>A kubeconfig with one current context 'ctx' whose user has a token.</summary>
    public static string TokenKubeConfig(string server, string token = CanaryToken, string clusterExtra = "") => $"""
        apiVersion: v1
        kind: Config
        clusters:
        - name: c
          cluster:
            server: {server}{clusterExtra}
        users:
        - name: u
          user:
            token: {token}
        contexts:
        - name: ctx
          context:
            cluster: c
            user: u
        current-context: ctx
        """;

    /// <summary>A kubeconfig whose user gets tokens from an exec plugin.</summary>
    public static string ExecKubeConfig(string server, string command = "aws") => $"""
        apiVersion: v1
        kind: Config
        clusters:
        - name: c
          cluster:
            server: {server}
        users:
        - name: u
          user:
            exec:
              apiVersion: client.authentication.k8s.io/v1beta1
              command: {command}
              args: [eks, get-token, --cluster-name, prod]
        contexts:
        - name: ctx
          context:
            cluster: c
            user: u
        current-context: ctx
        """;

    /// <summary>An https:// address on this machine where nothing listens.</summary>
    public static string RefusingServer()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return $"https://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
    }

    /// <summary>Registers clusters without verifying them, one per name, all with the same token kubeconfig.</summary>
    public void RegisterUnverified(params string[] names)
    {
        var kubeConfig = WriteFile("unverified.kubeconfig", TokenKubeConfig("https://10.9.8.7:6443"));
        foreach (var name in names)
        {
            var run = Harness<KubeFleet.Commands.RegisterKubeClusterCommand>()
                .With("Name", name).With("KubeConfigPath", kubeConfig).WithSwitch("SkipVerification").Invoke();
            Assert.Empty(run.Errors);
            Assert.Null(run.TerminatingError);
        }
    }

    /// <summary>Fails if a canary secret, or one of <paramref name="secrets"/>, is anywhere in what the run wrote: objects (every property), messages, errors.</summary>
    public static void AssertNoSecretIn(CmdletRun run, params string[] secrets)
    {
        var texts = run.Output.SelectMany(item => item.GetType().GetProperties().Select(property => Describe(property.GetValue(item))))
            .Concat(run.Output.Select(item => item.ToString()))
            .Concat(run.Verbose).Concat(run.Warnings).Concat(run.Debug)
            .Concat(run.ShouldProcessCalls.Select(call => call.WhatIfMessage))
            .Concat(run.Errors.Append(run.TerminatingError).OfType<CmdletError>().SelectMany(error => new[] { error.Message, error.Target?.ToString(), error.Exception.ToString() }));
        foreach (var text in texts)
        {
            foreach (var secret in Canaries.Concat(secrets))
            {
                Assert.DoesNotContain(secret, text ?? "", StringComparison.Ordinal);
            }
        }
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);

    private static string? Describe(object? value) => value switch
    {
        System.Collections.IDictionary dictionary => string.Join(";", dictionary.Keys.Cast<object>().Select(key => $"{key}={dictionary[key]}")),
        _ => value?.ToString(),
    };
}
