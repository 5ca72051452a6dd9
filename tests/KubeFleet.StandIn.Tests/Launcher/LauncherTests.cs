using System.Diagnostics;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using System.Text.Json;
using KubeFleet.StandIn.Hosting;
using KubeFleet.StandIn.Tests.Kubectl;

namespace KubeFleet.StandIn.Tests.Launcher;

/// <summary>The launcher as people and the Pester suite run it: a real process, its files, its signals.</summary>
public sealed class LauncherTests : IDisposable
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(60);

    private readonly TemporaryFolder folder = new();

    public void Dispose() => folder.Dispose();

    // Signals and file modes are Unix concepts; so are the versioned kubectl binaries it needs.
    [KubectlFact]
    [UnsupportedOSPlatform("windows")]
    public async Task LauncherWritesAWorkingFleetAndStopsCleanlyOnSigterm()
    {
        var output = Path.Combine(folder.Path, "fleet");
        using var launcher = Start("--clusters", "2", "--pods-per-cluster", "30", "--out", output, "--seed", "7", "--faults", "cluster-02:latency=10ms");
        try
        {
            await WaitForReadyAsync(launcher);

            var clusters = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "fleet.json"))).RootElement.GetProperty("clusters").EnumerateArray().ToList();
            Assert.Equal(["cluster-01", "cluster-02"], clusters.Select(c => c.GetProperty("name").GetString()));
            foreach (var cluster in clusters)
            {
                var name = cluster.GetProperty("name").GetString()!;
                var kubeconfigs = cluster.GetProperty("kubeconfigs");
                Assert.Equal(["admin", "viewer", "scoped", "exec-admin"], kubeconfigs.EnumerateObject().Select(p => p.Name));
                Assert.Equal(Path.Combine(output, $"{name}.kubeconfig"), kubeconfigs.GetProperty("admin").GetString());
                Assert.Equal(Path.Combine(output, $"{name}.viewer.kubeconfig"), kubeconfigs.GetProperty("viewer").GetString());
                Assert.StartsWith("https://127.0.0.1:", cluster.GetProperty("server").GetString(), StringComparison.Ordinal);
                Assert.StartsWith("v1.32.", cluster.GetProperty("version").GetString(), StringComparison.Ordinal);
                Assert.All(kubeconfigs.EnumerateObject(), p => Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(p.Value.GetString()!)));

                var uid = await KubectlBinary.ForMinor().RunAsync(kubeconfigs.GetProperty("admin").GetString()!, "get", "namespace", "kube-system", "-o", "jsonpath={.metadata.uid}");
                Assert.Equal(cluster.GetProperty("uid").GetString(), uid.Stdout);
                var exec = await KubectlBinary.ForMinor().RunAsync(kubeconfigs.GetProperty("exec-admin").GetString()!, "auth", "whoami", "-o", "jsonpath={.status.userInfo.username}");
                Assert.Equal("exec-admin", exec.Stdout);
            }

            Assert.NotEqual(clusters[0].GetProperty("uid").GetString(), clusters[1].GetProperty("uid").GetString());
            Assert.Equal(0, SendSignal(launcher.Id, Sigterm));
            await launcher.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal(0, launcher.ExitCode);
            var port = new Uri(clusters[0].GetProperty("server").GetString()!).Port;
            var refused = await Assert.ThrowsAsync<SocketException>(() => new TcpClient().ConnectAsync("127.0.0.1", port));
            Assert.Equal(SocketError.ConnectionRefused, refused.SocketErrorCode);
        }
        finally
        {
            if (!launcher.HasExited)
            {
                launcher.Kill(entireProcessTree: true);
            }
        }
    }

    [Theory]
    [InlineData("--clusters", "0", "--pods-per-cluster", "30", "--out", "x")]
    [InlineData("--clusters", "2", "--out", "x")]
    [InlineData("--clusters", "2", "--pods-per-cluster", "30")]
    [InlineData("--clusters", "2", "--pods-per-cluster", "30", "--out", "x", "--minor", "19")]
    [InlineData("--clusters", "2", "--pods-per-cluster", "30", "--out", "x", "--faults", "cluster-01:melt")]
    [InlineData("--clusters", "2", "--pods-per-cluster", "30", "--out", "x", "--colour")]
    public async Task BadArgumentsExitWithUsage(params string[] arguments)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var exitCode = await Hosting.Launcher.RunAsync(arguments, stdout, stderr);

        Assert.Equal(2, exitCode);
        Assert.Equal("", stdout.ToString());
        Assert.Contains("usage: KubeFleet.StandIn --clusters N --pods-per-cluster M --out DIR", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FaultsNamingUnknownClustersAreRefusedBeforeReady()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var exitCode = await Hosting.Launcher.RunAsync(["--clusters", "1", "--pods-per-cluster", "30", "--out", folder.Path, "--faults", "cluster-09:down"], stdout, stderr);

        Assert.Equal(1, exitCode);
        Assert.DoesNotContain(Hosting.Launcher.ReadyLine, stdout.ToString(), StringComparison.Ordinal);
        Assert.Contains("cluster-09:down", stderr.ToString(), StringComparison.Ordinal);
    }

    private const int Sigterm = 15;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);

    private static Process Start(params string[] arguments)
    {
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "KubeFleet.StandIn"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start)!;
    }

    private static async Task WaitForReadyAsync(Process launcher)
    {
        using var limit = new CancellationTokenSource(StartLimit);
        while (await launcher.StandardOutput.ReadLineAsync(limit.Token) is { } line)
        {
            if (line == Hosting.Launcher.ReadyLine)
            {
                return;
            }
        }

        Assert.Fail($"The launcher exited before printing '{Hosting.Launcher.ReadyLine}': {await launcher.StandardError.ReadToEndAsync()}");
    }
}
