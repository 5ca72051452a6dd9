using System.Buffers;
using System.IO.Compression;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Http;

namespace KubeFleet.StandIn.Api.Http;

/// <summary>
/// Writes a response body made of pre-encoded segments straight to the connection. Like the API server it
/// compresses only when the client accepts gzip and the body is larger than 128 KiB
/// (<c>responsewriters/writers.go</c>); otherwise it announces the exact length.
/// </summary>
internal static class ResponseBody
{
    public const int GzipThreshold = 128 * 1024;

    /// <summary>How much to hand to the connection at a time: bounded memory, few flushes.</summary>
    private const int FlushThreshold = 64 * 1024;

    public static Task WriteAsync(HttpContext context, int statusCode, string contentType, ReadOnlyMemory<byte> body) =>
        WriteAsync(context, statusCode, contentType, [body]);

    public static async Task WriteAsync(HttpContext context, int statusCode, string contentType, IReadOnlyList<ReadOnlyMemory<byte>> segments)
    {
        var response = context.Response;
        var length = segments.Sum(s => (long)s.Length);
        response.StatusCode = statusCode;
        response.ContentType = contentType;
        var compress = length > GzipThreshold && AcceptsGzip(context.Request);
        if (compress)
        {
            response.Headers.ContentEncoding = "gzip";
            response.Headers.Vary = "Accept-Encoding";
        }
        else
        {
            response.ContentLength = length;
        }

        if (HttpMethods.IsHead(context.Request.Method))
        {
            return;
        }

        var cancellation = context.RequestAborted;
        if (!compress)
        {
            await CopyAsync(response.BodyWriter, segments, cancellation);
            return;
        }

        await using var gzip = new GZipStream(response.Body, CompressionLevel.Fastest, leaveOpen: true);
        var pipe = PipeWriter.Create(gzip, new StreamPipeWriterOptions(leaveOpen: true));
        await CopyAsync(pipe, segments, cancellation);
        await pipe.CompleteAsync();
    }

    private static async Task CopyAsync(PipeWriter target, IReadOnlyList<ReadOnlyMemory<byte>> segments, CancellationToken cancellation)
    {
        var pending = 0L;
        foreach (var segment in segments)
        {
            target.Write(segment.Span);
            pending += segment.Length;
            if (pending >= FlushThreshold)
            {
                await target.FlushAsync(cancellation);
                pending = 0;
            }
        }

        await target.FlushAsync(cancellation);
    }

    /// <summary>Whether <c>gzip</c> is among the accepted encodings (with a non-zero quality).</summary>
    private static bool AcceptsGzip(HttpRequest request) =>
        request.Headers.AcceptEncoding.ToString()
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(encoding => encoding.Split(';', StringSplitOptions.TrimEntries))
            .Any(parts => parts[0].Equals("gzip", StringComparison.OrdinalIgnoreCase) && !parts.Skip(1).Any(p => p.Replace(" ", "") is "q=0" or "q=0.0" or "q=0.00" or "q=0.000"));
}
