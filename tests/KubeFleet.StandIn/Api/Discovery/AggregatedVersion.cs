namespace KubeFleet.StandIn.Api.Discovery;

/// <summary>A version of the aggregated discovery format: kubectl 1.30+ asks for v2 first, 1.27–1.29 only for v2beta1.</summary>
internal sealed record AggregatedVersion(string Version)
{
    public static readonly AggregatedVersion V2 = new("v2");

    public static readonly AggregatedVersion V2Beta1 = new("v2beta1");

    public string ApiVersion => "apidiscovery.k8s.io/" + Version;

    /// <summary>The response Content-Type, whose parameters the client checks before trusting the body.</summary>
    public string ContentType => $"application/json;g=apidiscovery.k8s.io;v={Version};as=APIGroupDiscoveryList";
}
