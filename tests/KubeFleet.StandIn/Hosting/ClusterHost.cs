using System.Net;
using System.Security.Cryptography.X509Certificates;
using KubeFleet.StandIn.Faults;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace KubeFleet.StandIn.Hosting;

/// <summary>
/// One cluster's Kestrel server on a loopback port. The first start takes a free port; later
/// starts (after the closed-port fault) take the same one, so kubeconfigs stay valid.
/// </summary>
internal sealed class ClusterHost : IClusterListener, IAsyncDisposable
{
    // Open connections are dropped rather than drained when the port closes: a closed port is a fault.
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromMilliseconds(200);

    private readonly RequestDelegate pipeline;
    private readonly Func<X509Certificate2>? serverCertificate;
    private readonly SemaphoreSlim transitions = new(1, 1);
    private WebApplication? application;

    /// <param name="serverCertificate">
    /// The certificate for each new TLS connection (asked per connection so certificate faults
    /// switch at run time); null serves plain HTTP.
    /// </param>
    public ClusterHost(RequestDelegate pipeline, Func<X509Certificate2>? serverCertificate)
    {
        this.pipeline = pipeline;
        this.serverCertificate = serverCertificate;
    }

    /// <summary>The port, known after the first start.</summary>
    public int Port { get; private set; }

    public bool IsListening => Volatile.Read(ref application) is not null;

    public async Task StartListeningAsync()
    {
        await transitions.WaitAsync();
        try
        {
            if (application is not null)
            {
                return;
            }

            var started = Build(Port);
            await started.StartAsync();
            var address = started.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
            Port = new Uri(address).Port;
            Volatile.Write(ref application, started);
        }
        finally
        {
            transitions.Release();
        }
    }

    public async Task StopListeningAsync()
    {
        await transitions.WaitAsync();
        try
        {
            if (application is not { } running)
            {
                return;
            }

            Volatile.Write(ref application, null);
            await running.StopAsync();
            await running.DisposeAsync();
        }
        finally
        {
            transitions.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopListeningAsync();
        transitions.Dispose();
    }

    private WebApplication Build(int port)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = ShutdownTimeout);
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, port, listen =>
            {
                if (serverCertificate is null)
                {
                    listen.Protocols = HttpProtocols.Http1;
                    return;
                }

                listen.Protocols = HttpProtocols.Http1AndHttp2;
                listen.UseHttps(new HttpsConnectionAdapterOptions
                {
                    ServerCertificateSelector = (_, _) => serverCertificate(),
                    // Like kube-apiserver, the TLS layer takes any client certificate and the
                    // authenticator decides: a certificate from another CA is a 401, not a failed handshake.
                    ClientCertificateMode = ClientCertificateMode.AllowCertificate,
                    ClientCertificateValidation = (_, _, _) => true,
                });
            });
        });
        var built = builder.Build();
        built.Run(pipeline);
        return built;
    }
}
