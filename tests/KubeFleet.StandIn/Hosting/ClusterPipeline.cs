using KubeFleet.StandIn.Api;
using KubeFleet.StandIn.Api.Errors;
using KubeFleet.StandIn.Faults;
using KubeFleet.StandIn.Security;
using KubeFleet.StandIn.Security.Reviews;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace KubeFleet.StandIn.Hosting;

/// <summary>
/// Every request to one cluster, in the API server's filter order: response headers, injected
/// latency and body faults, authentication (401), throttling and server errors (faults), then
/// the self-review endpoints or the read API. Without faults, bodies stream straight through.
/// </summary>
internal sealed class ClusterPipeline
{
    private static readonly ApiStatus Unauthorized = new(401, "Unauthorized", "Unauthorized");

    private readonly ClusterFaults faults;
    private readonly Authenticator authenticator;
    private readonly IAuthorizer authorizer;
    private readonly SelfSubjectReviews reviews;
    private readonly ApiHandler api;
    private readonly TimeProvider clock;
    private long resourceReads;

    public ClusterPipeline(ClusterFaults faults, Authenticator authenticator, IAuthorizer authorizer, SelfSubjectReviews reviews, ApiHandler api, TimeProvider clock)
    {
        this.faults = faults;
        this.authenticator = authenticator;
        this.authorizer = authorizer;
        this.reviews = reviews;
        this.api = api;
        this.clock = clock;
    }

    /// <summary>Resource reads (gets and lists of objects) received so far, counted as they arrive.</summary>
    public long ResourceReads => Interlocked.Read(ref resourceReads);

    public async Task InvokeAsync(HttpContext context)
    {
        // Set on every response, errors included: without it kubectl's HTTP cache replays stale answers.
        context.Response.Headers.CacheControl = "no-cache, private";
        context.Response.Headers["Audit-Id"] = Guid.NewGuid().ToString();
        var isResourceRead = IsResourceRead(context.Request);
        if (isResourceRead)
        {
            Interlocked.Increment(ref resourceReads);
        }

        if (!faults.AnyRequestFault)
        {
            await ServeAsync(context, isFaultyRead: false);
            return;
        }

        var settings = faults.Settings;
        if (settings.Latency > TimeSpan.Zero)
        {
            await Task.Delay(settings.Latency, clock, context.RequestAborted);
        }

        var resetAfter = isResourceRead ? settings.ResetBodiesAfterBytes : null;
        if (settings.BodyBytesPerSecond is null && resetAfter is null)
        {
            await ServeAsync(context, isResourceRead);
            return;
        }

        var original = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        var faulty = new StreamResponseBodyFeature(
            new FaultyBodyStream(original.Stream, settings.BodyBytesPerSecond, resetAfter, clock), original);
        context.Features.Set<IHttpResponseBodyFeature>(faulty);
        try
        {
            await ServeAsync(context, isResourceRead);
            await faulty.CompleteAsync();
        }
        finally
        {
            context.Features.Set(original);
        }
    }

    private static bool IsResourceRead(HttpRequest request)
    {
        var attributes = ApiRequestClassifier.Classify(request);
        return attributes.IsResourceRequest && attributes.Verb is "get" or "list" or "watch";
    }

    private async Task ServeAsync(HttpContext context, bool isFaultyRead)
    {
        if (authenticator.Authenticate(context) is not { } user)
        {
            await Unauthorized.WriteAsync(context);
            return;
        }

        if (isFaultyRead && faults.TryTakeThrottle(out var retryAfterSeconds))
        {
            await WriteTooManyRequestsAsync(context, retryAfterSeconds);
            return;
        }

        if (isFaultyRead && faults.TryTakeFailure(out var error))
        {
            await InternalError(error).WriteAsync(context);
            return;
        }

        if (SelfSubjectReviews.Handles(context.Request))
        {
            await reviews.HandleAsync(context, user);
            return;
        }

        await api.HandleAsync(context, user, authorizer);
    }

    // What a handler's unexpected error becomes in the API server (apierrors.NewInternalError).
    private static ApiStatus InternalError(string error) =>
        new(500, "InternalError", "Internal error occurred: " + error) { Details = new StatusDetails { Causes = [new StatusCause("", error, "")] } };

    // Priority-and-fairness rejects with plain text, not a Status (apiserver filters/priority-and-fairness.go).
    private static Task WriteTooManyRequestsAsync(HttpContext context, int retryAfterSeconds)
    {
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.ContentType = "text/plain; charset=utf-8";
        context.Response.Headers["X-Content-Type-Options"] = "nosniff";
        context.Response.Headers.RetryAfter = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return context.Response.WriteAsync("Too many requests, please try again later.\n");
    }
}
