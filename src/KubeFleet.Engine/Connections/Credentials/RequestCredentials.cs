using KubeFleet.Engine.Connections.Tls;

namespace KubeFleet.Engine.Connections.Credentials;

/// <summary>What one request presents: a bearer token, a client certificate, both or neither.</summary>
internal sealed record RequestCredentials(string? BearerToken, ClientCertificate? ClientCertificate)
{
    public static readonly RequestCredentials None = new(null, null);

    public override string ToString() =>
        $"RequestCredentials {{ BearerToken = {(BearerToken is null ? "none" : "***")}, ClientCertificate = {ClientCertificate?.Certificate.Subject ?? "none"} }}";
}
