using System.Net;
using System.Net.Http.Headers;

namespace KubeFleet.Engine.Connections.Http;

/// <summary>
/// client-go's retry rule for one request: a 429 or 5xx that carries an integer Retry-After is
/// retried after that many seconds; anything else is final. Bounded in count and in total wait,
/// so a cluster that keeps saying "later" cannot stall a fleet-wide search.
/// </summary>
internal sealed class RetryBudget
{
    private readonly int _maxRetries;
    private readonly TimeSpan _maxTotalWait;
    private TimeSpan _waited;

    public RetryBudget(int maxRetries, TimeSpan maxTotalWait)
    {
        _maxRetries = maxRetries;
        _maxTotalWait = maxTotalWait;
    }

    public int Retries { get; private set; }

    public bool TryTake(HttpStatusCode statusCode, RetryConditionHeaderValue? retryAfter, out TimeSpan wait)
    {
        wait = TimeSpan.Zero;
        var code = (int)statusCode;

        // Only delta-seconds count, as in client-go: a Retry-After date is not an integer.
        if ((code != 429 && code < 500) || retryAfter?.Delta is not { } delta || Retries >= _maxRetries)
        {
            return false;
        }

        if (delta < TimeSpan.Zero || _waited + delta > _maxTotalWait)
        {
            return false;
        }

        Retries++;
        _waited += delta;
        wait = delta;
        return true;
    }
}
