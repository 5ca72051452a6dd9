namespace KubeFleet.Engine.Tests.Search.Status;

/// <summary>A pod's status reads as kubectl's READY, STATUS and RESTARTS columns do.</summary>
public sealed class PodStatusTests
{
    [Fact]
    public void ARunningPod() => Assert.Equal("Running, 1/1 ready, 0 restarts", Status("""
        {"metadata":{"name":"web-7d9c6b8f5-x2k4p","namespace":"shop"},
         "spec":{"containers":[{"name":"web","image":"registry.example.com/shop/web:1.42.0"}]},
         "status":{"phase":"Running","conditions":[{"type":"Ready","status":"True"}],
           "containerStatuses":[{"name":"web","state":{"running":{"startedAt":"2025-03-14T09:26:53Z"}},"lastState":{},"ready":true,"restartCount":0,"started":true}]}}
        """));

    [Fact]
    public void ACrashLoopingPod() => Assert.Equal("CrashLoopBackOff, 0/1 ready, 5 restarts", Status("""
        {"metadata":{"name":"api-1"},"spec":{"containers":[{"name":"api"}]},
         "status":{"phase":"Running","containerStatuses":[{"name":"api",
           "state":{"waiting":{"reason":"CrashLoopBackOff","message":"back-off 5m0s restarting failed container"}},
           "lastState":{"terminated":{"exitCode":1,"reason":"Error","finishedAt":"2025-03-14T10:00:00Z"}},"ready":false,"restartCount":5}]}}
        """));

    [Fact]
    public void APodWithOneContainerNotStarting() => Assert.Equal("ImagePullBackOff, 1/2 ready, 1 restart", Status("""
        {"metadata":{"name":"two"},"spec":{"containers":[{"name":"app"},{"name":"proxy"}]},
         "status":{"phase":"Pending","containerStatuses":[
           {"name":"app","state":{"running":{}},"ready":true,"restartCount":1},
           {"name":"proxy","state":{"waiting":{"reason":"ImagePullBackOff"}},"ready":false,"restartCount":0}]}}
        """));

    [Fact]
    public void APodStillInitialising() => Assert.Equal("Init:1/2, 0/1 ready, 0 restarts", Status("""
        {"metadata":{"name":"init"},"spec":{"initContainers":[{"name":"migrate"},{"name":"warm"}],"containers":[{"name":"app"}]},
         "status":{"phase":"Pending","initContainerStatuses":[
           {"name":"migrate","state":{"terminated":{"exitCode":0,"reason":"Completed"}},"ready":false,"restartCount":0},
           {"name":"warm","state":{"running":{}},"ready":false,"restartCount":0}],
           "containerStatuses":[{"name":"app","state":{"waiting":{"reason":"PodInitializing"}},"ready":false,"restartCount":0}]}}
        """));

    [Theory]
    [InlineData("""{"waiting":{"reason":"CrashLoopBackOff"}}""", "Init:CrashLoopBackOff")]
    [InlineData("""{"terminated":{"exitCode":3}}""", "Init:ExitCode:3")]
    [InlineData("""{"terminated":{"exitCode":137,"signal":9}}""", "Init:Signal:9")]
    [InlineData("""{"terminated":{"exitCode":1,"reason":"OOMKilled"}}""", "Init:OOMKilled")]
    public void APodWhoseInitialisationFails(string initState, string status) => Assert.Equal($"{status}, 0/1 ready, 2 restarts", Status($$$"""
        {"metadata":{"name":"init"},"spec":{"initContainers":[{"name":"migrate"}],"containers":[{"name":"app"}]},
         "status":{"phase":"Pending","initContainerStatuses":[{"name":"migrate","state":{{{initState}}},"restartCount":2}],
           "containerStatuses":[{"name":"app","state":{"waiting":{"reason":"PodInitializing"}},"restartCount":0}]}}
        """));

    [Fact]
    public void APodWithARunningSidecarCountsIt() => Assert.Equal("Running, 2/2 ready, 3 restarts", Status("""
        {"metadata":{"name":"meshed"},"spec":{"initContainers":[{"name":"mesh","restartPolicy":"Always"}],"containers":[{"name":"app"}]},
         "status":{"phase":"Running","conditions":[{"type":"Initialized","status":"True"},{"type":"Ready","status":"True"}],
           "initContainerStatuses":[{"name":"mesh","state":{"running":{}},"started":true,"ready":true,"restartCount":3}],
           "containerStatuses":[{"name":"app","state":{"running":{}},"ready":true,"restartCount":0}]}}
        """));

    [Fact]
    public void AFinishedPod() => Assert.Equal("Completed, 0/1 ready, 0 restarts", Status("""
        {"metadata":{"name":"job-x"},"spec":{"containers":[{"name":"run"}]},
         "status":{"phase":"Succeeded","containerStatuses":[{"name":"run","state":{"terminated":{"exitCode":0,"reason":"Completed"}},"ready":false,"restartCount":0}]}}
        """));

    [Fact]
    public void AnEvictedPod() => Assert.Equal("Evicted, 0/1 ready, 0 restarts", Status("""
        {"metadata":{"name":"evicted"},"spec":{"containers":[{"name":"app"}]},"status":{"phase":"Failed","reason":"Evicted","message":"The node was low on resource: memory."}}
        """));

    [Fact]
    public void APodBeingDeleted() => Assert.Equal("Terminating, 1/1 ready, 0 restarts", Status("""
        {"metadata":{"name":"going","deletionTimestamp":"2025-03-14T10:00:00Z"},"spec":{"containers":[{"name":"app"}]},
         "status":{"phase":"Running","containerStatuses":[{"name":"app","state":{"running":{}},"ready":true,"restartCount":0}]}}
        """));

    [Fact]
    public void APodOnALostNode() => Assert.Equal("Unknown, 0/1 ready, 0 restarts", Status("""
        {"metadata":{"name":"lost","deletionTimestamp":"2025-03-14T10:00:00Z"},"spec":{"containers":[{"name":"app"}]},"status":{"phase":"Running","reason":"NodeLost"}}
        """));

    [Fact]
    public void APodWaitingForSchedulingGates() => Assert.Equal("SchedulingGated, 0/1 ready, 0 restarts", Status("""
        {"metadata":{"name":"gated"},"spec":{"containers":[{"name":"app"}]},"status":{"phase":"Pending","conditions":[{"type":"PodScheduled","status":"False","reason":"SchedulingGated"}]}}
        """));

    private static string Status(string pod) => TestResources.Of("", "Pod", pod).Status;
}
