using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace KubeFleet.StandIn.Tests.Auth;

/// <summary>Posts review bodies and reads the answers, for the tests of the review endpoints.</summary>
public static class Reviews
{
    public const string AccessReviews = "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews";
    public const string RulesReviews = "/apis/authorization.k8s.io/v1/selfsubjectrulesreviews";
    public const string SelfReviews = "/apis/authentication.k8s.io/v1/selfsubjectreviews";

    public static Task<HttpResponseMessage> PostJsonAsync(HttpClient client, string path, string json) =>
        client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    public static Task<HttpResponseMessage> PostBytesAsync(HttpClient client, string path, byte[] body, string contentType)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return client.PostAsync(path, content);
    }

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    /// <summary>Who the server says the client is, from a SelfSubjectReview.</summary>
    public static async Task<(string Name, string[] Groups, JsonElement UserInfo)> WhoAmIAsync(HttpClient client)
    {
        using var response = await PostJsonAsync(client, SelfReviews, """{"kind":"SelfSubjectReview","apiVersion":"authentication.k8s.io/v1"}""");
        Assert.Equal(201, (int)response.StatusCode);
        var userInfo = (await ReadJsonAsync(response)).GetProperty("status").GetProperty("userInfo");
        return (userInfo.GetProperty("username").GetString()!, userInfo.GetProperty("groups").EnumerateArray().Select(g => g.GetString()!).ToArray(), userInfo);
    }
}
