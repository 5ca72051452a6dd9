using System.Net;
using System.Net.Sockets;
using KubeFleet.Engine.Connections;
using KubeFleet.Engine.Connections.Http;
using KubeFleet.Engine.Errors;

namespace KubeFleet.Engine.Tests.Connections;

/// <summary>Failures before any server answers: no stand-in needed, only sockets that misbehave.</summary>
public sealed class TransportFailureTests : IDisposable
{
    private static readonly ClusterConnectionOptions ShortTimeout = new() { RequestTimeout = TimeSpan.FromMilliseconds(500) };

    private readonly ClusterConnectionPool _pool = new();

    public void Dispose() => _pool.Dispose();

    [Fact]
    public async Task AnUnresolvableHostIsADnsFailure()
    {
        var error = await FailAsync("https://kubefleet-no-such-host.invalid:6443");

        Assert.Equal("ClusterDnsFailed", error.ErrorId);
        Assert.Equal(ErrorKind.ConnectionError, error.Kind);
        Assert.Contains("'kubefleet-no-such-host.invalid'", error.Message);
        Assert.IsType<HttpRequestException>(error.InnerException);
    }

    [Fact]
    public async Task AClosedPortIsConnectionRefused()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var error = await FailAsync($"https://127.0.0.1:{port}");

        Assert.Equal("ClusterConnectionRefused", error.ErrorId);
        Assert.Contains($"127.0.0.1:{port}", error.Message);
    }

    [Fact]
    public async Task AServerThatNeverAnswersTimesOut()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;

        using var impatient = new ClusterConnectionPool(ShortTimeout);
        var error = await FailAsync($"https://127.0.0.1:{port}", impatient);

        Assert.Equal("ClusterTimeout", error.ErrorId);
        Assert.Equal(ErrorKind.OperationTimeout, error.Kind);
        Assert.Contains("0.5 s", error.Message);
    }

    [Fact]
    public async Task CancellingIsNotATimeout()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        using var connection = _pool.OpenUnpooled("prod", Access($"https://127.0.0.1:{port}"));
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => connection.GetJsonAsync("/version", cancellation.Token));
    }

    [Fact]
    public void AGzipBodyCutShortIsAConnectionFailure()
    {
        var error = TransportFailures.Classify(new InvalidDataException("The archive entry was compressed using an unsupported compression method."), "prod", new Uri("https://10.0.0.1:6443"), "GET /api/v1/pods");

        Assert.Equal("ClusterConnectionFailed", error.ErrorId);
        Assert.Contains("GET /api/v1/pods arrived broken", error.Message);
        Assert.IsType<InvalidDataException>(error.InnerException);
    }

    private async Task<KubeFleetException> FailAsync(string server, ClusterConnectionPool? pool = null)
    {
        using var connection = (pool ?? _pool).OpenUnpooled("prod", Access(server));
        var error = await Assert.ThrowsAsync<KubeFleetException>(() => connection.GetJsonAsync("/version"));
        Assert.Equal("prod", error.Target);
        return error;
    }

    private static ClusterAccess Access(string server) => new() { Server = new Uri(server), Credential = new TokenCredential("t") };
}
