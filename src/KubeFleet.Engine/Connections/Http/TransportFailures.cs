using System.Net.Sockets;
using System.Security.Authentication;
using KubeFleet.Engine.Errors;

namespace KubeFleet.Engine.Connections.Http;

/// <summary>
/// Turns what the network stack throws when a cluster cannot be reached into a classified error
/// that says which step failed and what to do about it.
/// </summary>
internal static class TransportFailures
{
    public static KubeFleetException Classify(Exception failure, string clusterName, Uri server, string request)
    {
        // A rejection raised while validating the server certificate is already classified.
        for (var inner = failure; inner is not null; inner = inner.InnerException)
        {
            if (inner is KubeFleetException classified)
            {
                return classified;
            }
        }

        var socketError = FindInner<SocketException>(failure)?.SocketErrorCode;
        var where = $"{server.Authority} for cluster '{clusterName}'";
        var cause = InnermostMessage(failure);
        var httpError = (failure as HttpRequestException)?.HttpRequestError;

        if (httpError == HttpRequestError.NameResolutionError || socketError is SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData)
        {
            return new KubeFleetException(
                ConnectionErrorIds.DnsFailed,
                ErrorKind.ConnectionError,
                $"The host name '{server.IdnHost}' of cluster '{clusterName}' could not be resolved ({cause}). Check the server address, this machine's DNS and any VPN the cluster needs; the address can be overridden when the cluster is registered.",
                clusterName,
                failure);
        }

        if (socketError == SocketError.ConnectionRefused)
        {
            return new KubeFleetException(
                ConnectionErrorIds.ConnectionRefused,
                ErrorKind.ConnectionError,
                $"Nothing accepts connections at {where} (connection refused). Check the address and port, and that the API server is running.",
                clusterName,
                failure);
        }

        if (socketError == SocketError.TimedOut)
        {
            return TimedOut(clusterName, server, request, "while connecting", failure);
        }

        if (httpError == HttpRequestError.SecureConnectionError || FindInner<AuthenticationException>(failure) is not null)
        {
            return new KubeFleetException(
                ConnectionErrorIds.TlsFailed,
                ErrorKind.SecurityError,
                $"The TLS handshake with {where} failed ({cause}). Check that the address is the API server's HTTPS port and, with a client certificate, that the server accepts it.",
                clusterName,
                failure);
        }

        // A gzip body cut short fails in the decompressor, not in the socket.
        if (FindInner<InvalidDataException>(failure) is not null)
        {
            return new KubeFleetException(
                ConnectionErrorIds.ConnectionFailed,
                ErrorKind.ConnectionError,
                $"The compressed answer of {where} to {request} arrived broken ({cause}); the connection was probably cut. Try again.",
                clusterName,
                failure);
        }

        return new KubeFleetException(
            ConnectionErrorIds.ConnectionFailed,
            ErrorKind.ConnectionError,
            $"The connection to {where} failed during {request} ({cause}). Check the network path to the cluster, then try again.",
            clusterName,
            failure);
    }

    public static KubeFleetException TimedOut(string clusterName, Uri server, string request, string phase, Exception? inner) => new(
        ConnectionErrorIds.Timeout,
        ErrorKind.OperationTimeout,
        $"Cluster '{clusterName}' ({server.Authority}) did not answer {request} in time ({phase}). Check that the address is reachable from here (firewall, VPN, proxy) and that the API server is not overloaded.",
        clusterName,
        inner);

    private static T? FindInner<T>(Exception failure)
        where T : Exception
    {
        for (Exception? inner = failure; inner is not null; inner = inner.InnerException)
        {
            if (inner is T found)
            {
                return found;
            }
        }

        return null;
    }

    private static string InnermostMessage(Exception failure)
    {
        var innermost = failure;
        while (innermost.InnerException is not null)
        {
            innermost = innermost.InnerException;
        }

        return innermost.Message.TrimEnd('.');
    }
}
