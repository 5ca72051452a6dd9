using System.Text.Encodings.Web;
using System.Text.Json;

namespace KubeFleet.StandIn.Hosting;

/// <summary>Writer settings for the JSON the stand-in answers with: compact, quotes escaped as <c>\"</c> like Go.</summary>
internal static class JsonOutput
{
    public static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
