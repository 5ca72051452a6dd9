using System.Net;
using System.Text.Json;
using KubeFleet.StandIn.Tests.Data;

namespace KubeFleet.StandIn.Tests.Api;

[Collection(ApiFleetCollection.Name)]
public sealed class TableTests(ApiFleet fleet)
{
    [Fact]
    public async Task KubectlGetsAPodTableWithTheRealColumnsAndRowMetadata()
    {
        var table = await fleet.Admin.GetJsonAsync("/api/v1/pods", accept: ApiClient.TableAccept);
        var pods = fleet.WithCustomResources.Data.ReadObjects("", "pods");

        Assert.Equal("Table", table.GetProperty("kind").GetString());
        Assert.Equal("meta.k8s.io/v1", table.GetProperty("apiVersion").GetString());
        Assert.Equal(["Name", "Ready", "Status", "Restarts", "Age", "IP", "Node", "Nominated Node", "Readiness Gates"], Columns(table));
        Assert.Equal([0, 0, 0, 0, 0, 1, 1, 1, 1], table.GetProperty("columnDefinitions").EnumerateArray().Select(c => c.GetProperty("priority").GetInt32()));
        var rows = table.GetProperty("rows").EnumerateArray().ToArray();
        Assert.Equal(pods.Count, rows.Length);
        for (var i = 0; i < rows.Length; i++)
        {
            var cells = rows[i].GetProperty("cells");
            var metadata = rows[i].GetProperty("object");
            Assert.Equal(9, cells.GetArrayLength());
            Assert.Equal("PartialObjectMetadata", metadata.GetProperty("kind").GetString());
            Assert.Equal(SampleClusters.Namespace(pods[i]), SampleClusters.Namespace(metadata));
            Assert.Equal(SampleClusters.Name(pods[i]), cells[0].GetString());
        }
    }

    [Fact]
    public async Task PodRowsShowReadinessStatusAndRestartsAsKubectlDoes()
    {
        var table = await fleet.Admin.GetJsonAsync("/api/v1/pods", accept: ApiClient.TableAccept);
        var pods = fleet.WithCustomResources.Data.ReadObjects("", "pods");
        var rows = table.GetProperty("rows").EnumerateArray().ToArray();

        for (var i = 0; i < rows.Length; i++)
        {
            var cells = rows[i].GetProperty("cells");
            var status = pods[i].GetProperty("status");
            var statuses = status.TryGetProperty("containerStatuses", out var list) ? list.EnumerateArray().ToArray() : [];
            var containers = pods[i].GetProperty("spec").GetProperty("containers").GetArrayLength();
            var ready = statuses.Count(c => c.GetProperty("ready").GetBoolean() && c.GetProperty("state").TryGetProperty("running", out _));
            var restarts = statuses.Sum(c => c.GetProperty("restartCount").GetInt32());
            var trouble = statuses.Select(StateReason).FirstOrDefault(r => r is not null);
            var phase = status.GetProperty("phase").GetString();

            Assert.Equal($"{ready}/{containers}", cells[1].GetString());
            Assert.StartsWith(restarts.ToString(System.Globalization.CultureInfo.InvariantCulture), cells[3].GetString());
            Assert.Equal(trouble ?? phase, cells[2].GetString());
            Assert.Equal(phase is "Succeeded" or "Failed", rows[i].TryGetProperty("conditions", out _));
        }
    }

    [Fact]
    public async Task OlderClientsGetAV1Beta1Table()
    {
        var table = await fleet.Admin.GetJsonAsync("/api/v1/namespaces", accept: "application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json");

        Assert.Equal("meta.k8s.io/v1beta1", table.GetProperty("apiVersion").GetString());
        Assert.Equal(["Name", "Status", "Age"], Columns(table));
    }

    [Fact]
    public async Task IncludeObjectChoosesWhatRowsCarry()
    {
        var none = await fleet.Admin.GetJsonAsync("/api/v1/namespaces?includeObject=None", accept: ApiClient.TableAccept);
        var whole = await fleet.Admin.GetJsonAsync("/api/v1/namespaces?includeObject=Object", accept: ApiClient.TableAccept);
        var bogus = await fleet.Admin.GetJsonAsync("/api/v1/namespaces?includeObject=Bogus", HttpStatusCode.BadRequest, ApiClient.TableAccept);

        Assert.All(none.GetProperty("rows").EnumerateArray(), row => Assert.Equal(JsonValueKind.Null, row.GetProperty("object").ValueKind));
        Assert.All(whole.GetProperty("rows").EnumerateArray(), row => Assert.Equal("Namespace", row.GetProperty("object").GetProperty("kind").GetString()));
        Assert.Equal("unrecognized includeObject value: \"Bogus\"", bogus.GetProperty("message").GetString());
    }

    [Fact]
    public async Task KindsWithoutAPrinterGetNameAndCreatedAt()
    {
        var table = await fleet.Admin.GetJsonAsync("/apis/apiextensions.k8s.io/v1/customresourcedefinitions", accept: ApiClient.TableAccept);
        var definitions = fleet.WithCustomResources.Data.ReadObjects("apiextensions.k8s.io", "customresourcedefinitions");

        Assert.Equal(["Name", "Created At"], Columns(table));
        Assert.Equal("date", table.GetProperty("columnDefinitions")[1].GetProperty("type").GetString());
        Assert.Equal(
            definitions.Select(d => d.GetProperty("metadata").GetProperty("creationTimestamp").GetString()),
            table.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("cells")[1].GetString()));
    }

    [Fact]
    public async Task CustomResourcesArePrintedWithTheirDefinitionsColumns()
    {
        var table = await fleet.Admin.GetJsonAsync("/apis/cert-manager.io/v1/certificates", accept: ApiClient.TableAccept);
        var certificates = fleet.WithCustomResources.Data.ReadObjects("cert-manager.io", "certificates");

        Assert.Equal(["Name", "Ready", "Secret", "Issuer", "Status", "Age"], Columns(table));
        var rows = table.GetProperty("rows").EnumerateArray().ToArray();
        for (var i = 0; i < rows.Length; i++)
        {
            var ready = certificates[i].GetProperty("status").GetProperty("conditions").EnumerateArray().Single(c => c.GetProperty("type").GetString() == "Ready");
            Assert.Equal(ready.GetProperty("status").GetString(), rows[i].GetProperty("cells")[1].GetString());
            Assert.Equal(certificates[i].GetProperty("spec").GetProperty("secretName").GetString(), rows[i].GetProperty("cells")[2].GetString());
            Assert.Equal(ready.GetProperty("message").GetString(), rows[i].GetProperty("cells")[4].GetString());
        }
    }

    [Fact]
    public async Task AGetReturnsAOneRowTableAtTheObjectsVersion()
    {
        var kubeSystem = fleet.WithCustomResources.Data.ReadObjects("", "namespaces").Single(n => SampleClusters.Name(n) == "kube-system");
        var table = await fleet.Admin.GetJsonAsync("/api/v1/namespaces/kube-system", accept: ApiClient.TableAccept);

        Assert.Single(table.GetProperty("rows").EnumerateArray());
        Assert.Equal(kubeSystem.GetProperty("metadata").GetProperty("resourceVersion").GetString(), table.GetProperty("metadata").GetProperty("resourceVersion").GetString());
        Assert.Equal(["kube-system", "Active"], table.GetProperty("rows")[0].GetProperty("cells").EnumerateArray().Take(2).Select(c => c.GetString()));
    }

    [Fact]
    public async Task TablesArePagedLikeLists()
    {
        var page = await fleet.Admin.GetJsonAsync("/api/v1/pods?limit=5", accept: ApiClient.TableAccept);

        Assert.Equal(5, page.GetProperty("rows").GetArrayLength());
        Assert.True(page.GetProperty("metadata").TryGetProperty("continue", out _));
        Assert.True(page.GetProperty("metadata").TryGetProperty("remainingItemCount", out _));
    }

    [Fact]
    public async Task WorkloadTablesReportTheirReplicaCounts()
    {
        var deployments = fleet.WithCustomResources.Data.ReadObjects("apps", "deployments");
        var table = await fleet.Admin.GetJsonAsync("/apis/apps/v1/deployments", accept: ApiClient.TableAccept);

        Assert.Equal(["Name", "Ready", "Up-to-date", "Available", "Age", "Containers", "Images", "Selector"], Columns(table));
        var rows = table.GetProperty("rows").EnumerateArray().ToArray();
        for (var i = 0; i < rows.Length; i++)
        {
            var status = deployments[i].GetProperty("status");
            var readyReplicas = status.TryGetProperty("readyReplicas", out var r) ? r.GetInt32() : 0;
            Assert.Equal($"{readyReplicas}/{deployments[i].GetProperty("spec").GetProperty("replicas").GetInt32()}", rows[i].GetProperty("cells")[1].GetString());
        }
    }

    [Fact]
    public async Task NodeRowsShowRolesAndSchedulability()
    {
        var nodes = fleet.WithCustomResources.Data.ReadObjects("", "nodes");
        var table = await fleet.Admin.GetJsonAsync("/api/v1/nodes", accept: ApiClient.TableAccept);
        var rows = table.GetProperty("rows").EnumerateArray().ToArray();

        for (var i = 0; i < rows.Length; i++)
        {
            var labels = SampleClusters.Labels(nodes[i]);
            var expectedRole = labels.ContainsKey("node-role.kubernetes.io/control-plane") ? "control-plane" : "<none>";
            Assert.Equal(expectedRole, rows[i].GetProperty("cells")[2].GetString());
            var cordoned = nodes[i].GetProperty("spec").TryGetProperty("unschedulable", out var u) && u.GetBoolean();
            Assert.Equal(cordoned, rows[i].GetProperty("cells")[1].GetString()!.EndsWith(",SchedulingDisabled", StringComparison.Ordinal));
        }
    }

    /// <summary>The reason a container is waiting or terminated; null while it runs.</summary>
    private static string? StateReason(JsonElement containerStatus)
    {
        var state = containerStatus.GetProperty("state");
        return state.TryGetProperty("waiting", out var waiting) ? waiting.GetProperty("reason").GetString()
            : state.TryGetProperty("terminated", out var terminated) ? terminated.GetProperty("reason").GetString()
            : null;
    }

    private static IEnumerable<string?> Columns(JsonElement table) =>
        table.GetProperty("columnDefinitions").EnumerateArray().Select(c => c.GetProperty("name").GetString());
}
