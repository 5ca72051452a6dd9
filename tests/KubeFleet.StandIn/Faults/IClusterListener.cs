namespace KubeFleet.StandIn.Faults;

/// <summary>The cluster's listening socket, which the closed-port fault shuts and reopens.</summary>
public interface IClusterListener
{
    bool IsListening { get; }

    /// <summary>Stops accepting connections and drops open ones: clients get "connection refused".</summary>
    Task StopListeningAsync();

    /// <summary>Listens again on the same port.</summary>
    Task StartListeningAsync();
}
