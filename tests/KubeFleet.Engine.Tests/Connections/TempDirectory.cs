namespace KubeFleet.Engine.Tests.Connections;

/// <summary>A folder of its own for one test, removed afterwards.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = Directory.CreateTempSubdirectory("kubefleet-test-").FullName;
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Writes an executable POSIX shell script; $DIR in it is this folder.</summary>
    public string WriteScript(string name, string body)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("Shell-script plugins need a POSIX shell.");
        }

        var path = File(name);
        System.IO.File.WriteAllText(path, $"#!/bin/sh\nDIR='{Path}'\n{body}\n");
        System.IO.File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute);
        return path;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
