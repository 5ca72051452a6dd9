using KubeFleet.Engine.Connections;

namespace KubeFleet.Engine.Tests.Connections;

public sealed class ClusterConnectionPoolTests : IDisposable
{
    private readonly ClusterConnectionPool _pool = new();

    public void Dispose() => _pool.Dispose();

    [Fact]
    public void ReusesTheConnectionWhileTheAccessIsTheSame()
    {
        // Read from the profile twice: equal content, distinct instances (and lists).
        var first = _pool.Get("prod", ExecAccess("prod-admin"));
        var second = _pool.Get("PROD", ExecAccess("prod-admin"));

        Assert.Same(first, second);
    }

    [Fact]
    public async Task ReplacesTheConnectionWhenTheAccessChanges()
    {
        var before = _pool.Get("prod", ExecAccess("prod-admin"));

        var after = _pool.Get("prod", ExecAccess("prod-readonly"));

        Assert.NotSame(before, after);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => before.GetJsonAsync("/version"));
        Assert.Same(after, _pool.Get("prod", ExecAccess("prod-readonly")));
    }

    [Fact]
    public void EvictedClustersGetANewConnection()
    {
        var before = _pool.Get("prod", ExecAccess("prod-admin"));

        _pool.Evict("prod");

        Assert.NotSame(before, _pool.Get("prod", ExecAccess("prod-admin")));
    }

    [Fact]
    public void RejectsOptionsThatCannotWork()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ClusterConnectionPool(new ClusterConnectionOptions { MaxConnectionsPerCluster = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ClusterConnectionPool(new ClusterConnectionOptions { RequestTimeout = TimeSpan.Zero }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ClusterConnectionPool(new ClusterConnectionOptions { HttpVersion = new Version(3, 0) }));
    }

    private static ClusterAccess ExecAccess(string profile) => new()
    {
        Server = new Uri("https://prod.example.test:443"),
        Credential = new ExecCredential(new ExecConfig
        {
            ApiVersion = "client.authentication.k8s.io/v1beta1",
            Command = "aws",
            Args = ["eks", "get-token", "--cluster-name", "prod"],
            Env = [new ExecEnvVar("AWS_PROFILE", profile)],
        }),
    };
}
