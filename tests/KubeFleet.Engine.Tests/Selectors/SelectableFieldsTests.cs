using System.Text.Json;
using KubeFleet.Engine.Selectors;

namespace KubeFleet.Engine.Tests.Selectors;

public sealed class SelectableFieldsTests
{
    private const string DefaultMessageTail = " is not a known field selector: only \"metadata.name\", \"metadata.namespace\"";

    // Excerpts of realistic objects (from a kind cluster), trimmed to what selection reads.
    private static readonly JsonElement Pod = Json("""
        {
          "kind": "Pod", "apiVersion": "v1",
          "metadata": { "name": "web-7d9c6b8f5-x2k4p", "namespace": "shop", "labels": { "app.kubernetes.io/name": "web" } },
          "spec": {
            "restartPolicy": "Always", "serviceAccountName": "default", "nodeName": "node-a-3",
            "securityContext": {}, "schedulerName": "default-scheduler"
          },
          "status": { "phase": "Running", "hostIP": "172.18.0.5", "podIP": "10.244.3.17", "podIPs": [ { "ip": "10.244.3.17" } ] }
        }
        """);

    private static readonly JsonElement PendingPod = Json("""
        {
          "kind": "Pod", "apiVersion": "v1",
          "metadata": { "name": "batch-1", "namespace": "jobs" },
          "spec": { "hostNetwork": true },
          "status": { "phase": "Pending", "nominatedNodeName": "node-b-1", "podIPs": [ { "ip": "fd00::5" }, { "ip": "10.0.0.5" } ] }
        }
        """);

    private static readonly JsonElement CoreEvent = Json("""
        {
          "kind": "Event", "apiVersion": "v1",
          "metadata": { "name": "web-7d9c6b8f5-x2k4p.182c7a1e5b0d4f21", "namespace": "shop" },
          "involvedObject": {
            "kind": "Pod", "namespace": "shop", "name": "web-7d9c6b8f5-x2k4p", "uid": "9e3779b1-0001-4001-a007-000041c64e6d",
            "apiVersion": "v1", "resourceVersion": "48213370", "fieldPath": "spec.containers{web}"
          },
          "reason": "Pulled", "source": { "component": "kubelet", "host": "node-a-3" }, "type": "Normal",
          "reportingComponent": "kubelet", "reportingInstance": "node-a-3"
        }
        """);

    private static readonly JsonElement ControllerEvent = Json("""
        { "kind": "Event", "apiVersion": "v1", "metadata": { "name": "e2", "namespace": "shop" },
          "reason": "ScalingReplicaSet", "type": "Normal", "reportingComponent": "deployment-controller", "source": {} }
        """);

    private static readonly JsonElement EventsApiEvent = Json("""
        {
          "kind": "Event", "apiVersion": "events.k8s.io/v1",
          "metadata": { "name": "web.17f", "namespace": "shop" },
          "regarding": { "kind": "Deployment", "namespace": "shop", "name": "web", "apiVersion": "apps/v1" },
          "reason": "ScalingReplicaSet", "reportingController": "deployment-controller", "type": "Normal"
        }
        """);

    private static readonly JsonElement Node = Json("""
        { "kind": "Node", "apiVersion": "v1", "metadata": { "name": "node-a-3", "labels": { "kubernetes.io/os": "linux" } },
          "spec": { "podCIDR": "10.244.3.0/24", "providerID": "aws:///eu-west-1a/i-0abc123def4567890" } }
        """);

    private static readonly JsonElement CordonedNode = Json("""
        { "kind": "Node", "apiVersion": "v1", "metadata": { "name": "node-b-1" }, "spec": { "unschedulable": true } }
        """);

    private static readonly JsonElement Job = Json("""
        { "kind": "Job", "apiVersion": "batch/v1", "metadata": { "name": "migrate", "namespace": "shop" },
          "status": { "succeeded": 1, "startTime": "2025-03-14T09:26:53Z" } }
        """);

    private static readonly JsonElement ConfigMap = Json("""
        { "kind": "ConfigMap", "apiVersion": "v1", "metadata": { "name": "web-config", "namespace": "shop" }, "data": { "a": "b" } }
        """);

    private static readonly JsonElement ClusterRole = Json("""
        { "kind": "ClusterRole", "apiVersion": "rbac.authorization.k8s.io/v1", "metadata": { "name": "view" } }
        """);

    public static TheoryData<string, string, bool, string, string?> Conversions => new()
    {
        // group, kind, namespaced, field, the server's message (null when accepted)
        { "", "Pod", true, "spec.nodeName", null },
        { "", "Pod", true, "spec.host", null },
        { "", "Pod", true, "status.podIPs", null },
        { "", "Pod", true, "spec.schedulerName", null },
        { "", "Pod", true, "status.hostIP", "field label not supported: status.hostIP" },
        { "", "Pod", true, "metadata.uid", "field label not supported: metadata.uid" },
        { "", "Node", false, "spec.unschedulable", null },
        { "", "Node", false, "metadata.namespace", "field label not supported: metadata.namespace" },
        { "", "Namespace", false, "status.phase", null },
        { "", "Namespace", false, "metadata.namespace", "field label not supported: metadata.namespace" },
        { "", "Event", true, "involvedObject.uid", null },
        { "", "Event", true, "regarding.kind", "field label not supported: regarding.kind" },
        { "events.k8s.io", "Event", true, "regarding.kind", null },
        { "events.k8s.io", "Event", true, "reportingController", null },
        { "events.k8s.io", "Event", true, "involvedObject.kind", "field label not supported: involvedObject.kind" },
        { "", "Secret", true, "type", null },
        { "", "Secret", true, "data", "field label not supported: data" },
        { "", "Service", true, "spec.type", null },
        { "", "Service", true, "spec.clusterIP", null },
        { "", "ReplicationController", true, "status.replicas", null },
        { "apps", "ReplicaSet", true, "status.replicas", "\"status.replicas\"" + DefaultMessageTail },
        { "batch", "Job", true, "status.successful", null },
        { "batch", "Job", true, "status.succeeded", "field label \"status.succeeded\" not supported for batchv1.Job" },
        { "certificates.k8s.io", "CertificateSigningRequest", false, "spec.signerName", null },
        { "certificates.k8s.io", "CertificateSigningRequest", false, "metadata.namespace", "field label not supported: metadata.namespace" },
        { "apps", "Deployment", true, "metadata.namespace", null },
        { "apps", "Deployment", true, "spec.replicas", "\"spec.replicas\"" + DefaultMessageTail },
        { "", "ConfigMap", true, "data.a", "\"data.a\"" + DefaultMessageTail },
        { "rbac.authorization.k8s.io", "ClusterRole", false, "metadata.namespace", null },
        { "example.com", "Widget", true, "spec.\"size\"", "\"spec.\\\"size\\\"\"" + DefaultMessageTail },
        { "", "pod", true, "spec.nodeName", "\"spec.nodeName\"" + DefaultMessageTail },
    };

    [Theory]
    [MemberData(nameof(Conversions))]
    public void Field_labels_are_accepted_or_rejected_with_the_servers_message(string group, string kind, bool namespaced, string field, string? message)
    {
        var fields = SelectableFields.For(group, kind, namespaced);

        Assert.Equal(message is null, fields.IsSupported(field));
        var converted = fields.TryConvert(FieldSelector.Parse(field + "=x"), out _, out var error);
        Assert.Equal(message is null, converted);
        Assert.Equal(message, error);
        if (message is not null)
            Assert.Equal(message, fields.UnsupportedFieldMessage(field));
    }

    [Fact]
    public void Conversion_renames_legacy_labels_and_reports_the_first_unsupported_term()
    {
        var pods = SelectableFields.For("", "Pod", namespaced: true);

        Assert.True(pods.TryConvert(FieldSelector.Parse("spec.host=node-a-3,status.phase=Running"), out var converted, out _));
        Assert.Equal("spec.nodeName=node-a-3,status.phase=Running", converted.ToString());
        Assert.False(pods.TryConvert(FieldSelector.Parse("zeta=1,spec.foo=2"), out _, out var error));
        Assert.Equal("field label not supported: spec.foo", error);
    }

    public static TheoryData<string, string, string, bool, string, string> Values => new()
    {
        // object, group, kind, namespaced, field, value
        { "Pod", "", "Pod", true, "metadata.name", "web-7d9c6b8f5-x2k4p" },
        { "Pod", "", "Pod", true, "metadata.namespace", "shop" },
        { "Pod", "", "Pod", true, "spec.nodeName", "node-a-3" },
        { "Pod", "", "Pod", true, "spec.host", "node-a-3" },
        { "Pod", "", "Pod", true, "spec.restartPolicy", "Always" },
        { "Pod", "", "Pod", true, "spec.schedulerName", "default-scheduler" },
        { "Pod", "", "Pod", true, "spec.serviceAccountName", "default" },
        { "Pod", "", "Pod", true, "spec.hostNetwork", "false" },
        { "Pod", "", "Pod", true, "status.phase", "Running" },
        { "Pod", "", "Pod", true, "status.podIP", "10.244.3.17" },
        { "Pod", "", "Pod", true, "status.podIPs", "" },
        { "Pod", "", "Pod", true, "status.nominatedNodeName", "" },
        { "Pod", "", "Pod", true, "status.hostIP", "" },
        { "PendingPod", "", "Pod", true, "spec.hostNetwork", "true" },
        { "PendingPod", "", "Pod", true, "spec.nodeName", "" },
        { "PendingPod", "", "Pod", true, "status.podIP", "fd00::5" },
        { "PendingPod", "", "Pod", true, "status.nominatedNodeName", "node-b-1" },
        { "CoreEvent", "", "Event", true, "involvedObject.kind", "Pod" },
        { "CoreEvent", "", "Event", true, "involvedObject.uid", "9e3779b1-0001-4001-a007-000041c64e6d" },
        { "CoreEvent", "", "Event", true, "involvedObject.fieldPath", "spec.containers{web}" },
        { "CoreEvent", "", "Event", true, "involvedObject.resourceVersion", "48213370" },
        { "CoreEvent", "", "Event", true, "reason", "Pulled" },
        { "CoreEvent", "", "Event", true, "source", "kubelet" },
        { "CoreEvent", "", "Event", true, "reportingComponent", "kubelet" },
        { "CoreEvent", "", "Event", true, "type", "Normal" },
        { "ControllerEvent", "", "Event", true, "source", "deployment-controller" },
        { "EventsApiEvent", "events.k8s.io", "Event", true, "regarding.kind", "Deployment" },
        { "EventsApiEvent", "events.k8s.io", "Event", true, "regarding.name", "web" },
        { "EventsApiEvent", "events.k8s.io", "Event", true, "reportingController", "deployment-controller" },
        { "EventsApiEvent", "events.k8s.io", "Event", true, "source", "deployment-controller" },
        { "EventsApiEvent", "events.k8s.io", "Event", true, "reason", "ScalingReplicaSet" },
        { "Node", "", "Node", false, "metadata.name", "node-a-3" },
        { "Node", "", "Node", false, "spec.unschedulable", "false" },
        { "CordonedNode", "", "Node", false, "spec.unschedulable", "true" },
        { "Job", "batch", "Job", true, "status.successful", "1" },
        { "ConfigMap", "batch", "Job", true, "status.successful", "0" },
        { "ConfigMap", "", "ConfigMap", true, "metadata.namespace", "shop" },
        { "ConfigMap", "", "ConfigMap", false, "metadata.namespace", "" },
        { "ClusterRole", "rbac.authorization.k8s.io", "ClusterRole", false, "metadata.name", "view" },
        { "ClusterRole", "rbac.authorization.k8s.io", "ClusterRole", false, "metadata.namespace", "" },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void Values_are_those_the_server_compares(string item, string group, string kind, bool namespaced, string field, string expected)
    {
        Assert.Equal(expected, SelectableFields.For(group, kind, namespaced).ValueOf(field, Objects[item]));
    }

    [Theory]
    [InlineData("status.phase=Running,spec.nodeName=node-a-3", true)]
    [InlineData("spec.host=node-a-3", true)]
    [InlineData("status.phase!=Running", false)]
    [InlineData("status.podIPs=10.244.3.17", false)]
    [InlineData("status.podIPs=", true)]
    [InlineData("spec.hostNetwork=false", true)]
    public void A_selector_matches_an_object_as_on_the_server(string selector, bool expected)
    {
        var pods = SelectableFields.For("", "Pod", namespaced: true);

        Assert.Equal(expected, pods.Matches(FieldSelector.Parse(selector), Pod));
    }

    private static readonly Dictionary<string, JsonElement> Objects = new()
    {
        ["Pod"] = Pod,
        ["PendingPod"] = PendingPod,
        ["CoreEvent"] = CoreEvent,
        ["ControllerEvent"] = ControllerEvent,
        ["EventsApiEvent"] = EventsApiEvent,
        ["Node"] = Node,
        ["CordonedNode"] = CordonedNode,
        ["Job"] = Job,
        ["ConfigMap"] = ConfigMap,
        ["ClusterRole"] = ClusterRole,
    };

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();
}
