namespace KubeFleet.Engine.Discovery;

/// <summary>One API group as discovery lists it: its usable versions, newest-stable first, and the preferred one.</summary>
internal sealed record DiscoveredGroup(string Name, string? PreferredVersion, IReadOnlyList<DiscoveredVersion> Versions);

internal sealed record DiscoveredVersion(string Version, IReadOnlyList<ApiResource> Resources);
