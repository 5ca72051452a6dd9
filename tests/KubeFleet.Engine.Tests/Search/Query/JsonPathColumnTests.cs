namespace KubeFleet.Engine.Tests.Search.Query;

/// <summary>Beyond Karpor: any JSON path of the object is a column.</summary>
public sealed class JsonPathColumnTests
{
    public static TheoryData<string, string[]> Cases => new()
    {
        // 12 > 3 numerically although "12" < "3" as text.
        { "spec.replicas > 3", ["prod/Deployment/api"] },
        { "spec.replicas >= 3", ["demo/Deployment/web", "prod/Deployment/api"] },
        { "spec.replicas = 3.0", ["demo/Deployment/web"] },
        { "spec.replicas > '3'", ["prod/Deployment/api"] },
        { "spec.replicas = 'three'", [] },
        { "status.phase != 'Running'", ["demo/Namespace/apple", "demo/Namespace/banana", "prod/Pod/api-1", "demo/Service/web", "prod/Service/api", "demo/Deployment/web", "prod/Deployment/api", "prod/Node/node-1", "prod/ConfigMap/fruit"] },
        { "status.phase = 'Running'", ["demo/Pod/web-1"] },
        { "spec.containers.image like '%:latest'", ["demo/Pod/web-1"] },
        { "spec.containers.image = 'registry.example.com/api:2.0'", ["prod/Pod/api-1"] },
        { "spec.containers.ports.containerPort = 9901", ["demo/Pod/web-1"] },
        { "spec.containers.1.name = 'proxy'", ["demo/Pod/web-1"] },
        { "spec.containers.0.name = 'proxy'", [] },
        { "spec.containers.5.name != missing", [] },
        { "spec.ports.port in (80, 443)", ["demo/Service/web", "prod/Service/api"] },
        { "spec.unschedulable = true", ["prod/Node/node-1"] },
        { "spec.paused = false", ["demo/Deployment/web"] },
        { "spec.hostNetwork = 'false'", ["demo/Pod/web-1"] },
        { "status.restartCount = 0", ["demo/Pod/web-1"] },
        { "metadata.labels != missing", ["demo/Namespace/apple", "demo/Namespace/banana", "demo/Pod/web-1", "prod/Pod/api-1", "demo/Service/web", "demo/Deployment/web", "prod/Deployment/api", "prod/Node/node-1"] },
        { "data.note like '%apple slices'", ["prod/ConfigMap/fruit"] },
        { "metadata.creationTimestamp > '2024-02-05'", ["demo/Pod/web-1", "prod/Pod/api-1", "prod/ConfigMap/fruit"] },
        { "spec.containers = missing", ["demo/Namespace/apple", "demo/Namespace/banana", "demo/Service/web", "prod/Service/api", "demo/Deployment/web", "prod/Deployment/api", "prod/Node/node-1", "prod/ConfigMap/fruit"] },
        { "spec.nodeName = 'node-1' and spec.containers.name = 'api'", ["prod/Pod/api-1"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Selects_exactly_the_right_rows(string query, string[] expected)
    {
        Assert.Equal(expected, QueryRows.Select(query));
    }
}
