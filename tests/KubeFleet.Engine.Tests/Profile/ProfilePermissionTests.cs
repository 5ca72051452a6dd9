using System.Diagnostics;
using System.Runtime.Versioning;

namespace KubeFleet.Engine.Tests.Profile;

[UnsupportedOSPlatform("windows")]
public sealed class ProfilePermissionTests : IDisposable
{
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyFolder = OwnerOnlyFile | UnixFileMode.UserExecute;

    // The conventional id of "nobody": for the tests a root user would pass whatever the modes say.
    private const int UnprivilegedUserId = 65534;

    private readonly TempProfileFolder folder = new();

    public void Dispose() => folder.Dispose();

    [UnixFact]
    public void TheProfileItsBackupItsKeyAndTheFolderMadeForThemAreOwnerOnly()
    {
        var profilePath = Path.Combine(folder.Path, "kubefleet", "profile.json");

        folder.Store(profilePath: profilePath).Update(profile => profile.AddCluster(Canary.Cluster("a", Canary.TokenAccess())));
        folder.Store(profilePath: profilePath).Update(profile => profile.AddCluster(Canary.Cluster("b")));

        Assert.Equal(OwnerOnlyFolder, File.GetUnixFileMode(Path.GetDirectoryName(profilePath)!));
        Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(profilePath));
        Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(profilePath + ".bak"));
        Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(profilePath + ".key"));
    }

    [UnixTheory]
    [InlineData("000")]
    [InlineData("022")]
    [InlineData("077")]
    public void ModesAreOwnerOnlyWhateverTheUmask(string umask)
    {
        var profilePath = Path.Combine(folder.Path, "kubefleet", "profile.json");

        var (exitCode, errors) = ProfileWriterProcess.Run(["add", profilePath, "w", "2"], shellSetup: $"umask {umask}");

        Assert.True(exitCode == 0, errors);
        Assert.Equal(OwnerOnlyFolder, File.GetUnixFileMode(Path.GetDirectoryName(profilePath)!));
        foreach (var path in new[] { profilePath, profilePath + ".bak", profilePath + ".key" })
        {
            Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(path));
        }
    }

    [UnixFact]
    public void AProfileAndKeyOthersCouldReadAreTightenedOnTheNextWrite()
    {
        folder.Store().Update(profile => profile.AddCluster(Canary.Cluster("a", Canary.TokenAccess())));
        var readableByAll = OwnerOnlyFile | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        File.SetUnixFileMode(folder.ProfilePath, readableByAll);
        File.SetUnixFileMode(folder.KeyFilePath, readableByAll);

        folder.Store().Update(profile => profile.AddCluster(Canary.Cluster("b")));

        Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(folder.ProfilePath));
        Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(folder.BackupPath));
        Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(folder.KeyFilePath));
    }

    [UnixFact]
    public void AProfileReachedThroughASymbolicLinkIsChangedWhereItLivesAndTheLinkStays()
    {
        var realFolder = Directory.CreateDirectory(Path.Combine(folder.Path, "synced")).FullName;
        var realPath = Path.Combine(realFolder, "kubefleet.json");
        var linkPath = Path.Combine(folder.Path, "profile.json");
        File.CreateSymbolicLink(linkPath, Path.Combine("synced", "kubefleet.json"));

        folder.Store(profilePath: linkPath).Update(profile => profile.AddCluster(Canary.Cluster("a", Canary.TokenAccess())));
        folder.Store(profilePath: linkPath).Update(profile => profile.AddCluster(Canary.Cluster("b")));

        Assert.NotNull(new FileInfo(linkPath).LinkTarget);
        Assert.Equal(["a", "b"], folder.Store(profilePath: realPath).Read().Clusters.Select(cluster => cluster.Name));
        Assert.NotNull(folder.Store(profilePath: realPath).Read().FindCluster("a")!.GetAccess());
        Assert.Equal(["kubefleet.json", "kubefleet.json.bak", "kubefleet.json.key"], Directory.GetFiles(realFolder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [UnixFact]
    public void AReadOnlyFolderIsAClearWriteErrorAndTheProfileStaysAsItWas()
    {
        var userId = Environment.IsPrivilegedProcess ? UnprivilegedUserId : (int?)null;
        if (userId is not null)
        {
            RunToSuccess("chown", UnprivilegedUserId.ToString(System.Globalization.CultureInfo.InvariantCulture), folder.Path);
        }

        var (created, creationErrors) = ProfileWriterProcess.Run(["add", folder.ProfilePath, "first", "1"], asUserId: userId);
        Assert.True(created == 0, creationErrors);
        var before = File.ReadAllBytes(folder.ProfilePath);
        File.SetUnixFileMode(folder.Path, UnixFileMode.UserRead | UnixFileMode.UserExecute);

        var (exitCode, errors) = ProfileWriterProcess.Run(["add", folder.ProfilePath, "second", "1"], asUserId: userId);

        Assert.Equal(2, exitCode);
        Assert.Contains("error: ProfileWriteFailed", errors, StringComparison.Ordinal);
        Assert.Contains("writable", errors, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(folder.ProfilePath));
    }

    [UnixFact]
    public void AWriteThatRunsOutOfSpaceFailsClearlyAndLeavesTheProfileAndNoLeftovers()
    {
        folder.Store().Update(profile =>
        {
            var cluster = Canary.Cluster("big", Canary.TokenAccess());
            cluster.Description = new string('x', 64 * 1024);
            profile.AddCluster(cluster);
        });
        var before = File.ReadAllBytes(folder.ProfilePath);

        // A file size limit makes write(2) fail with EFBIG part-way, as a full disk fails with ENOSPC.
        // Ignoring SIGXFSZ keeps the kernel from killing the writer instead, and the runtime's W^X
        // double mapping, which needs a memory file larger than the limit, is switched off.
        var (exitCode, errors) = ProfileWriterProcess.Run(
            ["add", folder.ProfilePath, "w", "1"],
            shellSetup: "export DOTNET_EnableWriteXorExecute=0; trap '' XFSZ; ulimit -f 32");

        Assert.Equal(2, exitCode);
        Assert.Contains("error: ProfileWriteFailed", errors, StringComparison.Ordinal);
        Assert.Contains("free space", errors, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(folder.ProfilePath));
        Assert.Equal(["profile.json", "profile.json.key"], folder.FileNames());
    }

    private static void RunToSuccess(string program, params string[] arguments)
    {
        using var process = Process.Start(program, arguments);
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }
}
