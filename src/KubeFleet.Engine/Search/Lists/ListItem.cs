namespace KubeFleet.Engine.Search.Lists;

/// <summary>
/// One object of a list: its JSON exactly as the server sent it (with <c>kind</c> and
/// <c>apiVersion</c> filled in when the list left them out), and its metadata.
/// </summary>
internal sealed record ListItem(byte[] Json, ObjectMetadata Metadata);
