using System.Globalization;
using System.Text;
using KubeFleet.Engine.Connections;
using KubeFleet.Engine.Errors;
using KubeFleet.Engine.Profile;

namespace KubeFleet.Engine.Tests.Profile;

public sealed class ProfileConcurrencyTests : IDisposable
{
    private readonly TempProfileFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void WritersInSeveralProcessesLoseNoUpdateAndAgreeOnOneKey()
    {
        RunWritersAtOnce(writers: 4, writesEach: 15, environment: null);

        AssertEveryWriteArrived(writers: 4, writesEach: 15);
    }

    [UnixFact]
    public void WritersStayExclusiveWhenDotnetFileLockingIsSwitchedOff()
    {
        RunWritersAtOnce(writers: 3, writesEach: 15, new Dictionary<string, string> { ["DOTNET_SYSTEM_IO_DISABLEFILELOCKING"] = "1" });

        AssertEveryWriteArrived(writers: 3, writesEach: 15);
    }

    [Fact]
    public async Task WritersOnSeveralThreadsLoseNoUpdate()
    {
        var writers = Enumerable.Range(0, 8).Select(writer => Task.Run(() =>
        {
            for (var index = 0; index < 20; index++)
            {
                var name = $"w{writer}-{index}";
                folder.Store().Update(profile => profile.AddCluster(Canary.Cluster(name, Canary.TokenAccess($"token-{name}"))));
            }
        }));

        await Task.WhenAll(writers);

        AssertEveryWriteArrived(writers: 8, writesEach: 20);
    }

    [Fact]
    public void AChangeThatWaitsTooLongIsToldWhichProcessHoldsTheLockAndGoesAheadOnceItDies()
    {
        using var holder = ProfileWriterProcess.Start(["hold", folder.ProfilePath]);
        Assert.Equal("locked", holder.ReadLine());

        var error = Assert.Throws<KubeFleetException>(() =>
            folder.Store(lockTimeout: TimeSpan.FromMilliseconds(300)).Update(profile => profile.AddCluster(Canary.Cluster("blocked"))));
        holder.Kill();
        folder.Store(lockTimeout: TimeSpan.FromSeconds(10)).Update(profile => profile.AddCluster(Canary.Cluster("after")));

        Assert.Equal("ProfileLocked", error.ErrorId);
        Assert.Contains($"process {holder.Id}", error.Message, StringComparison.Ordinal);
        Assert.Contains(folder.LockPath, error.Message, StringComparison.Ordinal);
        Assert.Equal(["after"], folder.Store().Read().Clusters.Select(cluster => cluster.Name));
        Assert.DoesNotContain("profile.json.lock", folder.FileNames());
    }

    [Fact]
    public void AWriterKilledAtRandomMomentsLeavesTheOldOrTheNewProfileNeverATornOne()
    {
        // A large profile makes each write long, so most kills land in the middle of one.
        folder.Store().Update(profile =>
        {
            for (var index = 0; index < 40; index++)
            {
                var cluster = Canary.Cluster($"ballast-{index}", Canary.CertificateAccess());
                cluster.Description = new string('x', 8000);
                profile.AddCluster(cluster);
            }
        });
        var lastWrites = 0;
        for (var round = 0; round < 5; round++)
        {
            using var writer = ProfileWriterProcess.Start(["churn", folder.ProfilePath]);
            WaitUntil(() => folder.Store().Read().FindCluster("churn") is { } churn && Writes(churn) > lastWrites);
            Thread.Sleep(Random.Shared.Next(0, 60));
            writer.Kill();

            var cluster = folder.Store().Read().FindCluster("churn")!;
            Assert.True(Writes(cluster) >= lastWrites, "The profile went back to an older version.");
            Assert.Equal($"token-churn-{Writes(cluster)}", ((TokenCredential)cluster.GetAccess()!.Credential).Token);
            lastWrites = Writes(cluster);
        }

        folder.Store(lockTimeout: TimeSpan.FromSeconds(10)).Update(profile => profile.RemoveCluster("churn"));

        Assert.Equal(40, folder.Store().Read().Clusters.Count);
        Assert.Equal(["profile.json", "profile.json.bak", "profile.json.key"], folder.FileNames());
    }

    [Theory]
    [InlineData("holding the lock")]
    [InlineData("writing the new file")]
    [InlineData("after flushing the new file")]
    [InlineData("after linking the backup")]
    public void WhatAWriterKilledAtEachStepLeavesNeitherBreaksNorBlocksTheProfile(string step)
    {
        folder.Store().Update(profile => profile.AddCluster(Canary.Cluster("old", Canary.TokenAccess())));
        var oldContent = File.ReadAllBytes(folder.ProfilePath);
        var newContent = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(oldContent).Replace("\"old\"", "\"new\"", StringComparison.Ordinal));
        var tempPath = $"{folder.ProfilePath}.{Guid.NewGuid():N}.tmp";
        File.WriteAllText(folder.LockPath, "999999 4f1c2b7e9d\n");
        switch (step)
        {
            case "writing the new file":
                File.WriteAllBytes(tempPath, newContent[..(newContent.Length / 2)]);
                break;
            case "after flushing the new file":
                File.WriteAllBytes(tempPath, newContent);
                break;
            case "after linking the backup":
                File.WriteAllBytes(folder.BackupPath, oldContent);
                File.WriteAllBytes(tempPath, newContent);
                break;
        }

        var seen = folder.Store().Read().Clusters.Select(cluster => cluster.Name).ToList();
        folder.Store(lockTimeout: TimeSpan.FromSeconds(5)).Update(profile => profile.AddCluster(Canary.Cluster("next")));

        Assert.Equal(["old"], seen);
        Assert.Equal(["old", "next"], folder.Store().Read().Clusters.Select(cluster => cluster.Name));
        Assert.Equal(["profile.json", "profile.json.bak", "profile.json.key"], folder.FileNames());
    }

    private void RunWritersAtOnce(int writers, int writesEach, IReadOnlyDictionary<string, string>? environment)
    {
        var processes = Enumerable.Range(0, writers)
            .Select(writer => ProfileWriterProcess.Start(
                ["add", folder.ProfilePath, $"w{writer}", writesEach.ToString(CultureInfo.InvariantCulture)], environment: environment))
            .ToList();
        foreach (var process in processes)
        {
            using (process)
            {
                var (exitCode, errors) = process.WaitForExit();
                Assert.True(exitCode == 0, errors);
            }
        }
    }

    private void AssertEveryWriteArrived(int writers, int writesEach)
    {
        var profile = folder.Store().Read();
        var expected = from writer in Enumerable.Range(0, writers)
                       from index in Enumerable.Range(0, writesEach)
                       select $"w{writer}-{index}";

        Assert.Equal(expected.Order(StringComparer.Ordinal), profile.Clusters.Select(cluster => cluster.Name).Order(StringComparer.Ordinal));
        foreach (var cluster in profile.Clusters)
        {
            Assert.Equal($"token-{cluster.Name}", ((TokenCredential)cluster.GetAccess()!.Credential).Token);
        }

        Assert.Equal(["profile.json", "profile.json.bak", "profile.json.key"], folder.FileNames());
    }

    private static int Writes(ClusterRecord cluster) => int.Parse(cluster.Labels["writes"], CultureInfo.InvariantCulture);

    private static void WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The writer made no progress.");
            Thread.Sleep(10);
        }
    }
}
