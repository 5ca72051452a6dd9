using System.Net;
using System.Net.Sockets;
using KubeFleet.Engine.Connections;
using KubeFleet.Engine.KubeConfig;
using KubeFleet.Engine.Registry;
using KubeFleet.Engine.Tests.Profile;

namespace KubeFleet.Engine.Tests.Registry;

/// <summary>
/// A temporary profile with its own key, a clock the test moves, and registry sessions over them.
/// Connections give up quickly, so tests of unreachable clusters stay fast.
/// </summary>
internal sealed class RegistryTestBed : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);

    private readonly List<RegistrySession> sessions = [];

    public TempProfileFolder Folder { get; } = new();

    public TestClock Clock { get; } = new(Start);

    public TestProfileEnvironment Environment { get; } = new();

    public List<ClusterWarning> ConnectionWarnings { get; } = [];

    public RegistrySession Open()
    {
        var options = new ClusterConnectionOptions
        {
            ConnectTimeout = TimeSpan.FromSeconds(3),
            RequestTimeout = TimeSpan.FromSeconds(5),
            OnWarning = warning =>
            {
                lock (ConnectionWarnings)
                {
                    ConnectionWarnings.Add(warning);
                }
            },
        };
        var session = RegistrySession.Open(Folder.ProfilePath, Environment, options, Clock);
        sessions.Add(session);
        return session;
    }

    public ClusterRegistry Registry => Open().Registry;

    public string ProfileText => File.Exists(Folder.ProfilePath) ? File.ReadAllText(Folder.ProfilePath) : "";

    public static AccessSource Source(string kubeConfigText, string? context = null) =>
        new() { KubeConfig = KubeConfigLoader.LoadText(kubeConfigText), ContextName = context };

    /// <summary>Registers without contacting the cluster; fails the test if it does not succeed.</summary>
    public RegistryOutcome RegisterUnverified(string name, string kubeConfigText, RegistrationOptions? options = null)
    {
        var registrar = Open().Registrar;
        var plan = registrar.Plan(name, Source(kubeConfigText), (options ?? new RegistrationOptions()) with { SkipVerification = true });
        var outcome = Assert.Single(registrar.RegisterAsync([plan]).GetAwaiter().GetResult());
        Assert.Null(outcome.Error);
        return outcome;
    }

    /// <summary>An https:// address on this machine where nothing listens: connecting is refused at once.</summary>
    public static string RefusingServer()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return $"https://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
    }

    public void Dispose()
    {
        foreach (var session in sessions)
        {
            session.Dispose();
        }

        Folder.Dispose();
    }
}

/// <summary>A clock that stands still until the test moves it.</summary>
internal sealed class TestClock(DateTimeOffset now) : TimeProvider
{
    private DateTimeOffset now = now;

    public override DateTimeOffset GetUtcNow() => now;

    public void Advance(TimeSpan by) => now += by;
}
