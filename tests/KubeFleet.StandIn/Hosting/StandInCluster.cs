using KubeFleet.StandIn.Api;
using KubeFleet.StandIn.Data;
using KubeFleet.StandIn.Faults;
using KubeFleet.StandIn.Security;
using KubeFleet.StandIn.Security.Authorization;
using KubeFleet.StandIn.Security.Reviews;

namespace KubeFleet.StandIn.Hosting;

/// <summary>
/// One running stand-in cluster: its address, identity, CA, users, data and faults. Started and
/// stopped by <see cref="StandInFleet"/>.
/// </summary>
public sealed class StandInCluster
{
    private readonly ClusterHost host;
    private readonly ServerCertificates serverCertificates;
    private readonly ExecTokens execTokens;
    private readonly TimeProvider clock;
    private readonly ClusterPipeline pipeline;

    private StandInCluster(string name, int index, ClusterOptions options, ClusterData data, CertificateAuthority authority,
        ServerCertificates serverCertificates, ClusterUsers users, RuleAuthorizer access, ExecTokens execTokens, TimeProvider clock, ClusterHost host, ClusterFaults faults, ClusterPipeline pipeline)
    {
        Name = name;
        Index = index;
        Options = options;
        Data = data;
        CertificateAuthority = authority;
        this.serverCertificates = serverCertificates;
        Users = users;
        Access = access;
        this.execTokens = execTokens;
        this.clock = clock;
        this.host = host;
        Faults = faults;
        this.pipeline = pipeline;
    }

    /// <summary>A DNS label: <c>cluster-01</c>, <c>cluster-02</c>, ...</summary>
    public string Name { get; }

    /// <summary>1-based position in the fleet.</summary>
    public int Index { get; }

    public ClusterOptions Options { get; }

    /// <summary><c>https://127.0.0.1:PORT</c> (or <c>http://</c> when plain HTTP was asked for).</summary>
    public Uri Server => new($"{(Options.PlainHttp ? "http" : "https")}://127.0.0.1:{host.Port}");

    /// <summary>The UID of the <c>kube-system</c> namespace: the cluster's identity.</summary>
    public string Uid => Data.KubeSystemUid;

    /// <summary>The <c>gitVersion</c> <c>/version</c> reports, e.g. <c>v1.32.5</c>.</summary>
    public string Version => Data.Version.GitVersion;

    public ClusterData Data { get; }

    public ClusterFaults Faults { get; }

    /// <summary>Resource reads (gets and lists of objects) this cluster has received so far, answered or not.</summary>
    public long ResourceReads => pipeline.ResourceReads;

    public ClusterUsers Users { get; }

    /// <summary>The rule table that decides every request, access review and rules review.</summary>
    public RuleAuthorizer Access { get; }

    /// <summary>Signs the serving certificate and the client certificates; trust it to reach this cluster only.</summary>
    public CertificateAuthority CertificateAuthority { get; }

    /// <summary>What <c>certificate-authority-data</c> holds (base64 of this PEM).</summary>
    public string CertificateAuthorityPem => CertificateAuthority.CertificatePem;

    /// <summary>An exec-plugin token for <paramref name="user"/>, accepted by this cluster only, as the plugin issues it.</summary>
    public string IssueExecToken(string user, TimeSpan lifetime)
    {
        var holder = Users[user];
        var now = clock.GetUtcNow();
        return execTokens.Issue(new ExecTokenClaims(holder.Name, Name, now, now + lifetime));
    }

    /// <summary>Stops serving and releases the cluster's keys; the fleet does this once, when it is disposed.</summary>
    internal async ValueTask StopAsync()
    {
        await host.DisposeAsync();
        serverCertificates.Dispose();
        CertificateAuthority.Dispose();
    }

    // Clients never send credentials over plain HTTP, so a plain-HTTP cluster answers like
    // `kubectl proxy` on a loopback port: as the administrator whose credentials the proxy holds.
    private static UserInfo? Unauthenticated(ClusterOptions options, ClusterUsers users) =>
        options.PlainHttp ? new UserInfo(users.Admin.Name, users.Admin.Uid, [.. users.Admin.Groups, UserNames.Authenticated])
        : options.AllowAnonymous ? UserInfo.Anonymous
        : null;

    internal static async Task<StandInCluster> StartAsync(int index, int pods, int seed, DateTimeOffset observedAt, ClusterOptions options, ExecTokens execTokens, TimeProvider clock, CancellationToken cancellationToken)
    {
        var name = $"cluster-{index:D2}";
        var data = await Task.Run(() => ClusterData.Generate(new ClusterSpec(name)
        {
            Seed = seed,
            Pods = pods,
            ServerMinor = options.ServerMinor,
            ServesCertManager = options.ServesCustomResource ?? index % 2 == 1,
            ObservedAt = observedAt,
        }), cancellationToken);
        var now = clock.GetUtcNow();
        var authority = CertificateAuthority.Create($"{name}-ca", now);
        var serverCertificates = new ServerCertificates(authority, name, options.ExtraServerNames, clock);
        var users = new ClusterUsers(authority, clock);
        var access = ClusterPolicy.Create(data.Catalog
            .Where(r => r.Supports("list"))
            .Select(r => new ReadableResource(r.Group, r.Resource)));

        // The faults switch the host's port and the host serves the faults' pipeline: the host is
        // made first, and only calls back into the pipeline and faults once it listens.
        ClusterPipeline? pipeline = null;
        ClusterFaults? faults = null;
        var host = new ClusterHost(
            context => pipeline!.InvokeAsync(context),
            options.PlainHttp ? null : () => serverCertificates.For(faults!.ServerCertificate));
        faults = new ClusterFaults(host, clock);
        pipeline = new ClusterPipeline(
            faults,
            new Authenticator(name, authority, users, execTokens, faults, clock, Unauthenticated(options, users)),
            access,
            new SelfSubjectReviews(access, clock),
            new ApiHandler(data, clock),
            clock);
        await host.StartListeningAsync();
        return new StandInCluster(name, index, options, data, authority, serverCertificates, users, access, execTokens, clock, host, faults, pipeline);
    }
}
