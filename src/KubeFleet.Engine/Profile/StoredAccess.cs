using System.Text.Json;
using KubeFleet.Engine.Connections;

namespace KubeFleet.Engine.Profile;

/// <summary>
/// A cluster's access as read from the profile, still sealed. It is opened only when asked for, and
/// written back byte for byte when it has not changed, so changing one cluster needs no key.
/// </summary>
internal sealed class StoredAccess(
    JsonElement json, string jsonPath, ProfileSecrets secrets, Func<Exception, Exception> formatError)
{
    public JsonElement Json { get; } = json;

    public ProfileSecrets Secrets { get; } = secrets;

    public ClusterAccess Open(string clusterName)
    {
        try
        {
            return ClusterAccessJson.Read(new JsonObjectReader(Json, jsonPath), clusterName, Secrets);
        }
        catch (ProfileFormatException e)
        {
            throw formatError(e);
        }
        catch (InvalidOperationException e)
        {
            // System.Text.Json's answer to a string escape that is not valid Unicode (a lone surrogate).
            throw formatError(new ProfileFormatException(jsonPath, $"holds a JSON string that is not valid Unicode: {e.Message}"));
        }
    }
}
