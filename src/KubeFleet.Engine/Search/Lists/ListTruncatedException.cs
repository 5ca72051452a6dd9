using System.Text.Json;

namespace KubeFleet.Engine.Search.Lists;

/// <summary>
/// A list body that ended, well-formed so far, before the list did: the transfer was cut (a reset
/// connection, a truncated compressed stream), not a server speaking something else.
/// </summary>
internal sealed class ListTruncatedException() : JsonException("The body ended before the list was complete.");
