using System.Text.Json;

namespace KubeFleet.StandIn.Tests.Data;

/// <summary>Generated clusters look like real ones: their pods are in every state, and audits find something.</summary>
public sealed class RealismTests
{
    private static readonly IReadOnlyList<JsonElement> Pods = SampleClusters.Large.ReadObjects("", "pods");

    [Fact]
    public void PodsAreInTheStatesARealFleetShows()
    {
        var phases = Pods.Select(p => p.GetProperty("status").GetProperty("phase").GetString()).ToHashSet();
        var waiting = Containers(Pods, "containerStatuses")
            .Where(c => c.GetProperty("state").TryGetProperty("waiting", out _))
            .Select(c => c.GetProperty("state").GetProperty("waiting").GetProperty("reason").GetString())
            .ToHashSet();

        Assert.Superset(new HashSet<string?>(["Running", "Pending", "Succeeded", "Failed"]), phases);
        Assert.Contains("CrashLoopBackOff", waiting);
        Assert.True(Pods.Count(p => p.GetProperty("status").GetProperty("phase").GetString() == "Running") > Pods.Count * 0.8, "most pods run");
        Assert.Contains(Containers(Pods, "containerStatuses"), c => c.GetProperty("restartCount").GetInt32() > 0);
        Assert.Contains(Pods, p => !p.GetProperty("spec").TryGetProperty("nodeName", out _));
    }

    [Fact]
    public void EveryPodCarriesManagedFieldsAndAKubeletOrSchedulerStatusEntry()
    {
        Assert.All(Pods, pod =>
        {
            var managers = pod.GetProperty("metadata").GetProperty("managedFields").EnumerateArray().Select(m => m.GetProperty("manager").GetString()).ToArray();
            Assert.True(managers.Length >= 2);
            Assert.True(managers.Contains("kubelet") || managers.Contains("kube-scheduler"));
        });
    }

    [Fact]
    public void PodsHaveTheSettingsSecurityAuditsLookFor()
    {
        var containers = Containers(Pods.Select(p => p.GetProperty("spec")), "containers").ToArray();

        Assert.Contains(containers, c => c.TryGetProperty("securityContext", out var s) && s.TryGetProperty("privileged", out var p) && p.GetBoolean());
        Assert.Contains(Pods, p => p.GetProperty("spec").TryGetProperty("hostNetwork", out var h) && h.GetBoolean());
        Assert.Contains(Pods, p => p.GetProperty("spec").TryGetProperty("hostPID", out var h) && h.GetBoolean());
        Assert.Contains(Pods, p => p.GetProperty("spec").GetProperty("securityContext").TryGetProperty("runAsNonRoot", out var r) && r.GetBoolean());
        Assert.Contains(containers, c => !c.GetProperty("resources").TryGetProperty("limits", out _));
        Assert.Contains(containers, c => c.GetProperty("image").GetString()!.EndsWith(":latest", StringComparison.Ordinal) && c.GetProperty("imagePullPolicy").GetString() == "Always");
    }

    [Fact]
    public void NodesReportCapacityAllocatableAndReadiness()
    {
        var nodes = SampleClusters.Large.ReadObjects("", "nodes");

        Assert.All(nodes, node =>
        {
            var status = node.GetProperty("status");
            Assert.True(status.GetProperty("capacity").TryGetProperty("cpu", out _));
            Assert.True(status.GetProperty("allocatable").TryGetProperty("memory", out _));
            Assert.Contains(status.GetProperty("conditions").EnumerateArray(), c => c.GetProperty("type").GetString() == "Ready");
        });
    }

    private static IEnumerable<JsonElement> Containers(IEnumerable<JsonElement> owners, string property) =>
        owners.SelectMany(o => o.TryGetProperty(property, out var list) ? list.EnumerateArray() : o.TryGetProperty("status", out var status) && status.TryGetProperty(property, out var statuses) ? statuses.EnumerateArray() : Enumerable.Empty<JsonElement>());
}
