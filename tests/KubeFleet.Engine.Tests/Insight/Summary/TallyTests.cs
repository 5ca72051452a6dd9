using System.Text.Json;
using KubeFleet.Engine.Insight.Summary;

namespace KubeFleet.Engine.Tests.Insight.Summary;

/// <summary>Nodes and pods counted as a person reading them with kubectl would count them.</summary>
public sealed class TallyTests
{
    [Fact]
    public void Nodes_add_up_capacity_and_allocatable_and_count_only_ready_ones_as_ready()
    {
        var tally = new NodeTally();
        tally.Add(Node("True", "4", "3920m", "16069064Ki", "15044040Ki"));
        tally.Add(Node("False", "8", "7910m", "32Gi", "31Gi"));
        tally.Add(Node("Unknown", "2", "1", "4G", "3500M"));

        Assert.Equal((3, 1), (tally.Total, tally.Ready));
        Assert.Equal((14m, 12.83m), (tally.CpuCapacity, tally.CpuAllocatable));
        Assert.Equal(16454721536L + 34359738368L + 4000000000L, tally.MemoryCapacityBytes);
        Assert.Equal(15405096960L + 33285996544L + 3500000000L, tally.MemoryAllocatableBytes);
    }

    [Fact]
    public void A_node_without_conditions_or_figures_counts_but_adds_nothing()
    {
        var tally = new NodeTally();
        tally.Add(JsonDocument.Parse("""{ "metadata": { "name": "new" } }""").RootElement);

        Assert.Equal((1, 0, 0m, 0L), (tally.Total, tally.Ready, tally.CpuCapacity, tally.MemoryCapacityBytes));
    }

    [Fact]
    public void Pods_count_by_phase_with_crash_loops_and_pending_pods_apart()
    {
        var tally = new PodTally();
        tally.Add(Pod("Running"));
        tally.Add(Pod("Running", """{ "containerStatuses": [ { "name": "a", "state": { "running": {} } }, { "name": "b", "state": { "waiting": { "reason": "CrashLoopBackOff" } } } ] }"""));
        tally.Add(Pod("Pending", """{ "initContainerStatuses": [ { "name": "init", "state": { "waiting": { "reason": "CrashLoopBackOff" } } } ] }"""));
        tally.Add(Pod("Pending", """{ "containerStatuses": [ { "name": "a", "state": { "waiting": { "reason": "ImagePullBackOff" } } } ] }"""));
        tally.Add(Pod(null));
        tally.Add(Pod("Succeeded"));
        tally.Add(Pod("Failed"));
        tally.Add(Pod("Evicted"));

        Assert.Equal(8, tally.Total);
        Assert.Equal(
            [("Pending", 3), ("Running", 2), ("Succeeded", 1), ("Failed", 1), ("Unknown", 1)],
            tally.ByPhase.Select(entry => (entry.Key, entry.Value)));
        Assert.Equal((2, 3), (tally.CrashLooping, tally.Pending));
    }

    private static JsonElement Node(string ready, string cpu, string allocatableCpu, string memory, string allocatableMemory) =>
        JsonDocument.Parse($$"""
            { "metadata": { "name": "n" },
              "status": { "capacity": { "cpu": "{{cpu}}", "memory": "{{memory}}" },
                          "allocatable": { "cpu": "{{allocatableCpu}}", "memory": "{{allocatableMemory}}" },
                          "conditions": [ { "type": "MemoryPressure", "status": "False" }, { "type": "Ready", "status": "{{ready}}" } ] } }
            """).RootElement;

    private static JsonElement Pod(string? phase, string? status = null)
    {
        var statusJson = status is null ? phase is null ? "{}" : $$"""{ "phase": "{{phase}}" }""" : status.Insert(1, $" \"phase\": \"{phase}\",");
        return JsonDocument.Parse($$"""{ "metadata": { "name": "p" }, "status": {{statusJson}} }""").RootElement;
    }
}
