namespace KubeFleet.StandIn.ExecPlugin;

/// <summary>
/// An installed exec plugin: <see cref="PluginPath"/> for kubeconfigs that name it, and <c>aws</c>
/// in <see cref="Folder"/> for EKS-shaped kubeconfigs (put the folder first on PATH).
/// </summary>
public sealed record ExecPluginInstall(string Folder, string PluginPath, string AwsPath, string SecretFile, string? RecordFile);
