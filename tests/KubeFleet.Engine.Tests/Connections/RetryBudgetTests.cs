using System.Net;
using System.Net.Http.Headers;
using KubeFleet.Engine.Connections.Http;

namespace KubeFleet.Engine.Tests.Connections;

public sealed class RetryBudgetTests
{
    private static readonly RetryConditionHeaderValue OneSecond = new(TimeSpan.FromSeconds(1));

    [Theory]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(503)]
    public void RetriesThrottlingAndServerErrorsThatSayWhen(int code)
    {
        var budget = new RetryBudget(10, TimeSpan.FromSeconds(30));

        Assert.True(budget.TryTake((HttpStatusCode)code, OneSecond, out var wait));
        Assert.Equal(TimeSpan.FromSeconds(1), wait);
        Assert.Equal(1, budget.Retries);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(404)]
    [InlineData(200)]
    public void NeverRetriesOtherAnswers(int code)
    {
        Assert.False(new RetryBudget(10, TimeSpan.FromSeconds(30)).TryTake((HttpStatusCode)code, OneSecond, out _));
    }

    [Fact]
    public void DoesNotRetryWithoutRetryAfter()
    {
        Assert.False(new RetryBudget(10, TimeSpan.FromSeconds(30)).TryTake(HttpStatusCode.TooManyRequests, null, out _));
    }

    [Fact]
    public void DoesNotRetryOnARetryAfterDate()
    {
        var date = new RetryConditionHeaderValue(DateTimeOffset.UtcNow.AddSeconds(2));

        Assert.False(new RetryBudget(10, TimeSpan.FromSeconds(30)).TryTake(HttpStatusCode.ServiceUnavailable, date, out _));
    }

    [Fact]
    public void StopsAfterTheMostRetries()
    {
        var budget = new RetryBudget(3, TimeSpan.FromSeconds(30));

        var granted = Enumerable.Range(0, 5).Count(attempt => budget.TryTake(HttpStatusCode.TooManyRequests, OneSecond, out _));

        Assert.Equal(3, granted);
    }

    [Fact]
    public void StopsBeforeTheTotalWaitWouldPassItsBound()
    {
        var budget = new RetryBudget(10, TimeSpan.FromSeconds(5));
        var twoSeconds = new RetryConditionHeaderValue(TimeSpan.FromSeconds(2));

        var granted = Enumerable.Range(0, 5).Count(attempt => budget.TryTake(HttpStatusCode.TooManyRequests, twoSeconds, out _));

        Assert.Equal(2, granted);
    }
}
