using System.Net;
using System.Text;
using KubeFleet.Engine.Connections.Http;
using KubeFleet.Engine.Errors;

namespace KubeFleet.Engine.Tests.Connections;

public sealed class KubernetesStatusTests
{
    [Fact]
    public void KeepsTheServersReasonAndMessage()
    {
        var body = """{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"pods is forbidden: User \"alice\" cannot list resource \"pods\" in API group \"\" in the namespace \"shop\"","reason":"Forbidden","details":{"kind":"pods"},"code":403}""";

        var status = KubernetesStatus.Decode(HttpStatusCode.Forbidden, "application/json", Encoding.UTF8.GetBytes(body));

        Assert.Equal(new KubernetesStatus(403, "Forbidden", "pods is forbidden: User \"alice\" cannot list resource \"pods\" in API group \"\" in the namespace \"shop\""), status);
    }

    [Fact]
    public void ReadsTheSuggestedDelay()
    {
        var body = """{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"storage is (re)initializing","reason":"TooManyRequests","details":{"retryAfterSeconds":3},"code":429}""";

        var status = KubernetesStatus.Decode(HttpStatusCode.TooManyRequests, "application/json", Encoding.UTF8.GetBytes(body));

        Assert.Equal(3, status.RetryAfterSeconds);
        Assert.Equal("storage is (re)initializing", status.Message);
    }

    [Theory]
    [InlineData(401, "text/plain", "", "Unauthorized", "the server has asked for the client to provide credentials")]
    [InlineData(404, "text/plain", "404 page not found", "NotFound", "the server could not find the requested resource")]
    [InlineData(429, "text/plain", "Too many requests, please try again later.\n", "TooManyRequests", "the server has received too many requests and has asked us to try again later")]
    [InlineData(500, "text/html", "boom", "InternalError", "an error on the server (\"boom\") has prevented the request from succeeding")]
    [InlineData(503, null, "", "ServiceUnavailable", "the server is currently unable to handle the request")]
    [InlineData(502, "application/json", "{\"kind\":\"NotAStatus\"}", "InternalError", "an error on the server (\"{\"kind\":\"NotAStatus\"}\") has prevented the request from succeeding")]
    public void DerivesReasonAndMessageFromTheCodeWhenTheBodyIsNoStatus(int code, string? mediaType, string body, string reason, string message)
    {
        var status = KubernetesStatus.Decode((HttpStatusCode)code, mediaType, Encoding.UTF8.GetBytes(body));

        Assert.Equal(new KubernetesStatus(code, reason, message), status);
    }

    [Theory]
    [InlineData(401, "ClusterUnauthorized", ErrorKind.AuthenticationError)]
    [InlineData(403, "ClusterForbidden", ErrorKind.PermissionDenied)]
    [InlineData(404, "ClusterResourceNotFound", ErrorKind.ObjectNotFound)]
    [InlineData(409, "ClusterConflict", ErrorKind.ResourceExists)]
    [InlineData(410, "ClusterResourceExpired", ErrorKind.InvalidOperation)]
    [InlineData(400, "ClusterRequestInvalid", ErrorKind.InvalidArgument)]
    [InlineData(422, "ClusterRequestInvalid", ErrorKind.InvalidArgument)]
    [InlineData(429, "ClusterThrottled", ErrorKind.LimitsExceeded)]
    [InlineData(500, "ClusterServerError", ErrorKind.ResourceUnavailable)]
    [InlineData(504, "ClusterServerError", ErrorKind.ResourceUnavailable)]
    [InlineData(418, "ClusterRequestFailed", ErrorKind.NotSpecified)]
    public void ClassesEachStatusCodeWithAStableId(int code, string errorId, ErrorKind kind)
    {
        var error = ClusterApiException.Create("prod", "GET /api/v1/pods", new KubernetesStatus(code, "Reason", "what the server said"));

        Assert.Equal(errorId, error.ErrorId);
        Assert.Equal(kind, error.Kind);
        Assert.Equal("prod", error.Target);
        Assert.Contains("Cluster 'prod'", error.Message);
        Assert.Contains("GET /api/v1/pods", error.Message);
        Assert.Contains($"{code} Reason: what the server said", error.Message);
    }

    [Fact]
    public void AThrottledRequestSaysHowOftenItWasRetried()
    {
        var error = ClusterApiException.Create("prod", "GET /api/v1/pods", new KubernetesStatus(429, "TooManyRequests", "slow down"), retries: 10);

        Assert.Contains("and still did after 10 retries", error.Message);
    }
}
