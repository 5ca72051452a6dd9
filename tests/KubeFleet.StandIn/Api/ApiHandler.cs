using System.Buffers;
using System.Text.Json;
using KubeFleet.StandIn.Api.Discovery;
using KubeFleet.StandIn.Api.Errors;
using KubeFleet.StandIn.Api.Http;
using KubeFleet.StandIn.Api.Lists;
using KubeFleet.StandIn.Api.Rendering;
using KubeFleet.StandIn.Api.Routing;
using KubeFleet.StandIn.Data;
using KubeFleet.StandIn.Data.Catalog;
using KubeFleet.StandIn.Data.Json;
using KubeFleet.StandIn.Security;
using Microsoft.AspNetCore.Http;

namespace KubeFleet.StandIn.Api;

/// <summary>
/// Serves one cluster's API to authenticated requests, as a Kubernetes API server does: authorization first
/// (on what the path asks for, whether it exists or not), then discovery, version and health, and reads —
/// get and list, with selectors, paging, tables and Status errors. Writes and watches are refused.
/// </summary>
public sealed class ApiHandler
{
    private const string Json = "application/json";

    private readonly ClusterData cluster;
    private readonly TimeProvider clock;
    private readonly DiscoveryDocuments discovery;
    private readonly byte[] version;

    public ApiHandler(ClusterData cluster, TimeProvider? clock = null)
    {
        this.cluster = cluster;
        this.clock = clock ?? TimeProvider.System;
        discovery = new DiscoveryDocuments(cluster);
        version = VersionDocument(cluster.Version);
    }

    public async Task HandleAsync(HttpContext context, UserInfo user, IAuthorizer authorizer)
    {
        context.Response.Headers.CacheControl = "no-cache, private";
        context.Response.Headers["Audit-Id"] = Guid.NewGuid().ToString();
        var request = ApiRequestClassifier.Parse(context.Request);
        try
        {
            var decision = authorizer.Authorize(user, request.Attributes);
            if (!decision.Allowed)
            {
                context.Response.Headers.XContentTypeOptions = "nosniff";
                throw new ApiStatusException(ApiStatus.Forbidden(user, request.Attributes, decision.Reason));
            }

            await (request.Attributes.IsResourceRequest ? ServeResourceAsync(context, request) : ServeNonResourceAsync(context, request));
        }
        catch (ApiStatusException failure)
        {
            await failure.Status.WriteAsync(context);
        }
    }

    private Task ServeNonResourceAsync(HttpContext context, ApiRequest request)
    {
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            return NotFoundAsync(context);
        }

        var path = request.Attributes.Path.TrimEnd('/');
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        switch (segments)
        {
            case ["version"]:
                return ResponseBody.WriteAsync(context, 200, Json, version);
            case ["healthz"] or ["livez"] or ["readyz"]:
                context.Response.Headers.XContentTypeOptions = "nosniff";
                return ResponseBody.WriteAsync(context, 200, "text/plain; charset=utf-8", "ok"u8.ToArray());
            case ["api"]:
                return DiscoveryAsync(context, core: true, discovery.CoreVersions);
            case ["apis"]:
                return DiscoveryAsync(context, core: false, discovery.GroupList);
            case ["api", var coreVersion]:
                return DocumentAsync(context, coreVersion == "v1" ? discovery.ResourceList("v1") : null);
            case ["apis", var group]:
                return DocumentAsync(context, discovery.Group(group));
            case ["apis", var group, var groupVersion]:
                return DocumentAsync(context, discovery.ResourceList($"{group}/{groupVersion}"));
            default:
                return NotFoundAsync(context);
        }
    }

    /// <summary>Aggregated discovery when the Accept header asks for it (v2 preferred in its order), else the legacy document.</summary>
    private Task DiscoveryAsync(HttpContext context, bool core, byte[] legacy)
    {
        foreach (var range in MediaRange.ParseAccept(context.Request.Headers.Accept))
        {
            foreach (var aggregatedVersion in new[] { AggregatedVersion.V2, AggregatedVersion.V2Beta1 })
            {
                if (range.Type == Json && range.Names("apidiscovery.k8s.io", aggregatedVersion.Version, "APIGroupDiscoveryList"))
                {
                    return ResponseBody.WriteAsync(context, 200, aggregatedVersion.ContentType, discovery.Aggregated(core, aggregatedVersion));
                }
            }

            if (range.IsPlain && range.AcceptsJson)
            {
                break;
            }
        }

        return ResponseBody.WriteAsync(context, 200, Json, legacy);
    }

    private static Task DocumentAsync(HttpContext context, byte[]? document) =>
        document is null ? NotFoundAsync(context) : ResponseBody.WriteAsync(context, 200, Json, document);

    private async Task ServeResourceAsync(HttpContext context, ApiRequest request)
    {
        var attributes = request.Attributes;
        var type = cluster.Catalog.Find(attributes.ApiGroup, request.ApiVersion, attributes.Resource);
        var named = request.PathName.Length > 0;
        if (type is null
            || (request.NamespaceInPath && !type.Namespaced)
            || (named && type.Namespaced && !request.NamespaceInPath)
            || (request.Subresource.Length > 0 && type.FindSubresource(request.Subresource) is null)
            || request.Parts.Count > 3)
        {
            await NotFoundAsync(context);
            return;
        }

        var verb = attributes.Verb;
        if (verb is not ("get" or "list") || !type.Supports(verb))
        {
            throw new ApiStatusException(ApiStatus.MethodNotAllowed());
        }

        var format = ResponseFormat.Negotiate(context.Request.Headers.Accept, context.Request.Query);
        if (named)
        {
            await GetAsync(context, type, request, format);
        }
        else
        {
            await ListAsync(context, type, request.NamespaceInPath ? attributes.Namespace : null, format);
        }
    }

    private async Task GetAsync(HttpContext context, ResourceType type, ApiRequest request, ResponseFormat format)
    {
        var ns = type.Namespaced ? request.Attributes.Namespace : "";
        var item = cluster.Store(type).Find(ns, request.PathName) ?? throw new ApiStatusException(ApiStatus.NotFound(type, request.PathName));
        if (request.Subresource == "scale")
        {
            await ResponseBody.WriteAsync(context, 200, Json, ObjectRendering.Scale(item));
            return;
        }

        if (format.TableVersion is { } tableVersion)
        {
            var meta = $"{{\"resourceVersion\":\"{item.ResourceVersion}\"}}";
            await ResponseBody.WriteAsync(context, 200, Json, TableRendering.Table(type, tableVersion, [item], meta, format.Include, clock.GetUtcNow()));
            return;
        }

        await ResponseBody.WriteAsync(context, 200, Json, [.. ObjectRendering.Object(type, item), ObjectRendering.NewLine]);
    }

    private async Task ListAsync(HttpContext context, ResourceType type, string? ns, ResponseFormat format)
    {
        var options = ListOptions.Parse(context.Request.Query, type);
        if (options.Watch)
        {
            throw new ApiStatusException(ApiStatus.MethodNotAllowed());
        }

        var page = ListReader.Read(cluster, type, ns, options);
        if (format.TableVersion is { } tableVersion)
        {
            await ResponseBody.WriteAsync(context, 200, Json, TableRendering.Table(type, tableVersion, page.Items, ObjectRendering.ListMeta(page), format.Include, clock.GetUtcNow()));
            return;
        }

        await ResponseBody.WriteAsync(context, 200, Json, ObjectRendering.List(type, page));
    }

    /// <summary>The real server's answer for a path no route serves.</summary>
    private static Task NotFoundAsync(HttpContext context)
    {
        context.Response.Headers.XContentTypeOptions = "nosniff";
        return ResponseBody.WriteAsync(context, 404, "text/plain; charset=utf-8", "404 page not found\n"u8.ToArray());
    }

    private static byte[] VersionDocument(ServerVersion version)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, KubeJson.WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("major", version.Major);
            writer.WriteString("minor", version.Minor);
            writer.WriteString("gitVersion", version.GitVersion);
            writer.WriteString("gitCommit", version.GitCommit);
            writer.WriteString("gitTreeState", version.GitTreeState);
            writer.WriteString("buildDate", version.BuildDate);
            writer.WriteString("goVersion", version.GoVersion);
            writer.WriteString("compiler", version.Compiler);
            writer.WriteString("platform", version.Platform);
            writer.WriteEndObject();
        }

        buffer.Write("\n"u8);
        return buffer.WrittenSpan.ToArray();
    }
}
