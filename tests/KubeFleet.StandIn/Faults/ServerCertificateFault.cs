namespace KubeFleet.StandIn.Faults;

/// <summary>Which serving certificate new TLS connections get.</summary>
public enum ServerCertificateFault
{
    /// <summary>The cluster's valid certificate.</summary>
    None,

    /// <summary>A certificate whose validity ended an hour ago.</summary>
    Expired,

    /// <summary>A certificate that becomes valid in an hour.</summary>
    NotYetValid,
}
