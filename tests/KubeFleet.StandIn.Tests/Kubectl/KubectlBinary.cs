using System.Diagnostics;

namespace KubeFleet.StandIn.Tests.Kubectl;

/// <summary>
/// One of the versioned kubectl binaries (<c>kubectl.1.27</c> … <c>kubectl.1.33</c>) beside the
/// real target of the <c>kubectl</c> dispatcher on PATH; tests run them directly, since the
/// dispatcher would pick a binary by the server's version and add a request of its own. Every run
/// gets a fresh HOME and <c>--cache-dir</c> (kubectl caches discovery and HTTP answers per
/// host:port, and ports are reused), only the kubeconfig it is given, and a time limit.
/// </summary>
public sealed class KubectlBinary
{
    public const int DefaultMinor = 32;

    private static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(60);

    // Variables that would make kubectl read something other than what the test gives it.
    private static readonly string[] Scrubbed = ["KUBECONFIG", "KUBECACHEDIR", "KUBERNETES_EXEC_INFO", "KUBECTL_EXTERNAL_DIFF", "HTTPS_PROXY", "HTTP_PROXY", "https_proxy", "http_proxy"];

    private static readonly Lazy<string?> Folder = new(FindFolder);

    /// <summary>True under CI (<c>CI=true</c>), where a missing kubectl fails the suite instead of skipping.</summary>
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The path of <c>kubectl.1.&lt;minor&gt;</c>, or null when it is not installed.</summary>
    public static string? Find(int minor)
    {
        if (Folder.Value is not { } folder)
        {
            return null;
        }

        var path = Path.Combine(folder, $"kubectl.1.{minor}");
        return File.Exists(path) ? path : null;
    }

    /// <summary>Why <c>kubectl.1.&lt;minor&gt;</c> cannot be used, for skip and failure messages.</summary>
    public static string MissingReason(int minor) => Folder.Value is { } folder
        ? $"kubectl.1.{minor} is not in {folder}, beside the kubectl dispatcher's target; install the kubectl package that ships versioned clients."
        : "kubectl is not on PATH; install the kubectl package that ships the dispatcher and its versioned clients (kubectl.1.27 … kubectl.1.33).";

    private static string? FindFolder()
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, "kubectl"))
            .FirstOrDefault(File.Exists);
        if (onPath is null)
        {
            return null;
        }

        var target = File.ResolveLinkTarget(onPath, returnFinalTarget: true)?.FullName ?? onPath;
        return Path.GetDirectoryName(target);
    }

    private KubectlBinary(string path)
    {
        FilePath = path;
    }

    public string FilePath { get; }

    /// <summary>kubectl.1.&lt;minor&gt;; fails the test with the reason when it is missing.</summary>
    public static KubectlBinary ForMinor(int minor = DefaultMinor) =>
        new(Find(minor) ?? throw new InvalidOperationException(MissingReason(minor)));

    public Task<KubectlResult> RunAsync(string kubeconfig, params string[] arguments) => RunAsync(new KubectlRun(kubeconfig, arguments));

    public async Task<KubectlResult> RunAsync(KubectlRun run)
    {
        var home = Directory.CreateTempSubdirectory("kubefleet-kubectl-");
        try
        {
            var start = new ProcessStartInfo(FilePath)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add("--kubeconfig");
            start.ArgumentList.Add(run.Kubeconfig);
            start.ArgumentList.Add("--cache-dir");
            start.ArgumentList.Add(Path.Combine(home.FullName, "cache"));
            foreach (var argument in run.Arguments)
            {
                start.ArgumentList.Add(argument);
            }

            foreach (var name in Scrubbed)
            {
                start.Environment.Remove(name);
            }

            start.Environment["HOME"] = home.FullName;
            if (run.PathPrefix is { } prefix)
            {
                start.Environment["PATH"] = prefix + Path.PathSeparator + start.Environment["PATH"];
            }

            foreach (var (name, value) in run.Environment)
            {
                start.Environment[name] = value;
            }

            using var process = Process.Start(start)!;
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var limit = new CancellationTokenSource(TimeLimit);
            try
            {
                await process.WaitForExitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"kubectl {string.Join(' ', run.Arguments)} did not finish within {TimeLimit.TotalSeconds} s.");
            }

            return new KubectlResult(process.ExitCode, await stdout, await stderr);
        }
        finally
        {
            home.Delete(recursive: true);
        }
    }
}

/// <summary>One kubectl invocation: the kubeconfig, the arguments, and extra environment.</summary>
public sealed record KubectlRun(string Kubeconfig, IReadOnlyList<string> Arguments)
{
    /// <summary>A folder put first on PATH, e.g. where the stand-in's <c>aws</c> is.</summary>
    public string? PathPrefix { get; init; }

    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();
}
