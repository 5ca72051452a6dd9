namespace KubeFleet.StandIn.Tests.Kubectl;

/// <summary>A fresh folder for one test's kubeconfigs and records, deleted with it.</summary>
public sealed class TemporaryFolder : IDisposable
{
    public TemporaryFolder()
    {
        Path = Directory.CreateTempSubdirectory("kubefleet-standin-test-").FullName;
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
