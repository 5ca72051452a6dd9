namespace KubeFleet.Engine.Tests.Search.Status;

/// <summary>Every other kind with a status at a glance, worded as kubectl's columns.</summary>
public sealed class ResourceStatusTests
{
    [Theory]
    [InlineData("apps", "Deployment", """{"metadata":{"name":"web"},"spec":{"replicas":3},"status":{"replicas":3,"readyReplicas":2,"availableReplicas":2}}""", "2/3 ready")]
    [InlineData("apps", "Deployment", """{"metadata":{"name":"web"},"spec":{},"status":{}}""", "0/1 ready")]
    [InlineData("apps", "Deployment", """{"metadata":{"name":"web"},"spec":{"replicas":0},"status":{}}""", "0/0 ready")]
    [InlineData("apps", "StatefulSet", """{"metadata":{"name":"db"},"spec":{"replicas":3},"status":{"readyReplicas":3}}""", "3/3 ready")]
    [InlineData("apps", "ReplicaSet", """{"metadata":{"name":"web-7d9"},"spec":{"replicas":2},"status":{"replicas":2,"readyReplicas":1}}""", "1/2 ready")]
    [InlineData("", "ReplicationController", """{"metadata":{"name":"old"},"spec":{"replicas":1},"status":{"readyReplicas":1}}""", "1/1 ready")]
    [InlineData("apps", "DaemonSet", """{"metadata":{"name":"agent"},"status":{"desiredNumberScheduled":5,"numberReady":4,"currentNumberScheduled":5}}""", "4/5 ready")]
    public void Workloads(string group, string kind, string item, string status) => Assert.Equal(status, TestResources.Of(group, kind, item).Status);

    [Theory]
    [InlineData("""{"metadata":{"name":"j"},"spec":{"completions":1,"parallelism":1},"status":{"succeeded":1,"conditions":[{"type":"Complete","status":"True"}]}}""", "Complete, 1/1 completions")]
    [InlineData("""{"metadata":{"name":"j"},"spec":{"completions":3},"status":{"failed":4,"conditions":[{"type":"Failed","status":"True"}]}}""", "Failed, 0/3 completions")]
    [InlineData("""{"metadata":{"name":"j"},"spec":{"parallelism":4},"status":{"succeeded":2}}""", "Running, 2/1 of 4 completions")]
    [InlineData("""{"metadata":{"name":"j"},"spec":{"completions":2,"suspend":true},"status":{"conditions":[{"type":"Suspended","status":"True"}]}}""", "Suspended, 0/2 completions")]
    [InlineData("""{"metadata":{"name":"j","deletionTimestamp":"2025-01-01T00:00:00Z"},"spec":{"completions":1},"status":{}}""", "Terminating, 0/1 completions")]
    public void Jobs(string item, string status) => Assert.Equal(status, TestResources.Of("batch", "Job", item).Status);

    [Theory]
    [InlineData("""{"metadata":{"name":"nightly"},"spec":{"schedule":"0 3 * * *"},"status":{"active":[{"name":"nightly-1"}]}}""", "0 3 * * *, 1 active")]
    [InlineData("""{"metadata":{"name":"nightly"},"spec":{"schedule":"*/5 * * * *","suspend":true},"status":{}}""", "*/5 * * * *, 0 active, suspended")]
    public void CronJobs(string item, string status) => Assert.Equal(status, TestResources.Of("batch", "CronJob", item).Status);

    [Theory]
    [InlineData("""{"metadata":{"name":"n1"},"spec":{},"status":{"conditions":[{"type":"MemoryPressure","status":"False"},{"type":"Ready","status":"True"}]}}""", "Ready")]
    [InlineData("""{"metadata":{"name":"n1"},"spec":{"unschedulable":true},"status":{"conditions":[{"type":"Ready","status":"False"}]}}""", "NotReady,SchedulingDisabled")]
    [InlineData("""{"metadata":{"name":"n1"},"spec":{},"status":{"conditions":[{"type":"Ready","status":"Unknown"}]}}""", "NotReady")]
    [InlineData("""{"metadata":{"name":"n1"},"spec":{"unschedulable":true},"status":{}}""", "Unknown,SchedulingDisabled")]
    public void Nodes(string item, string status) => Assert.Equal(status, TestResources.Of("", "Node", item, namespaced: false).Status);

    [Theory]
    [InlineData("Namespace", """{"metadata":{"name":"shop"},"status":{"phase":"Active"}}""", "Active")]
    [InlineData("PersistentVolumeClaim", """{"metadata":{"name":"data"},"status":{"phase":"Bound","capacity":{"storage":"10Gi"}}}""", "Bound")]
    [InlineData("PersistentVolume", """{"metadata":{"name":"pv-1"},"status":{"phase":"Released"}}""", "Released")]
    public void Phases(string kind, string item, string status) => Assert.Equal(status, TestResources.Of("", kind, item).Status);

    [Theory]
    [InlineData("""{"metadata":{"name":"web"},"spec":{"type":"ClusterIP","clusterIP":"10.96.0.12"}}""", "ClusterIP 10.96.0.12")]
    [InlineData("""{"metadata":{"name":"web"},"spec":{"type":"LoadBalancer","clusterIP":"10.96.0.13"},"status":{"loadBalancer":{"ingress":[{"ip":"203.0.113.7"},{"hostname":"lb.example.com"}]}}}""", "LoadBalancer 10.96.0.13, 203.0.113.7, lb.example.com")]
    [InlineData("""{"metadata":{"name":"ext"},"spec":{"type":"ExternalName","externalName":"db.example.com"}}""", "ExternalName db.example.com")]
    [InlineData("""{"metadata":{"name":"headless"},"spec":{"clusterIP":"None"}}""", "ClusterIP None")]
    public void Services(string item, string status) => Assert.Equal(status, TestResources.Of("", "Service", item).Status);

    [Theory]
    [InlineData("", "ConfigMap")]
    [InlineData("cert-manager.io", "Certificate")]
    [InlineData("example.com", "Pod")]
    public void OtherKindsHaveNone(string group, string kind) =>
        Assert.Equal("", TestResources.Of(group, kind, """{"metadata":{"name":"x"},"status":{"phase":"Running"}}""").Status);
}
