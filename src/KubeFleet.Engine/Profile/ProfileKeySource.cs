using System.Security.Cryptography;
using System.Text;

namespace KubeFleet.Engine.Profile;

/// <summary>
/// Where a profile's key comes from: KUBEFLEET_PROFILE_KEY when it is set (a portable profile for
/// runbooks, whose key lives in the automation's secret store), otherwise the key file beside the
/// profile: owner-only, and on Windows wrapped with DPAPI for the current user.
/// </summary>
/// <remarks>
/// An unwrapped key file holds the same base64 text as the variable, so on Linux and macOS
/// <c>export KUBEFLEET_PROFILE_KEY=$(cat profile.json.key)</c> makes the same profile usable elsewhere.
/// </remarks>
internal sealed class ProfileKeySource
{
    public const string KeyVariable = "KUBEFLEET_PROFILE_KEY";

    private const string DpapiPrefix = "dpapi:";

    // Keeps other applications that use DPAPI for the same user from unwrapping the key by accident.
    private static readonly byte[] DpapiEntropy = Encoding.UTF8.GetBytes("KubeFleet profile key");

    private readonly IProfileEnvironment environment;

    public ProfileKeySource(IProfileEnvironment environment, string keyFilePath)
    {
        this.environment = environment;
        KeyFilePath = keyFilePath;
    }

    public string KeyFilePath { get; }

    /// <summary>The key, or null when neither the variable nor the key file exists.</summary>
    public ProfileKey? TryLoad()
    {
        var variable = environment.GetVariable(KeyVariable);
        if (!string.IsNullOrEmpty(variable))
        {
            return new ProfileKey(DecodeVariable(variable), $"the {KeyVariable} environment variable");
        }

        string text;
        try
        {
            text = File.ReadAllText(KeyFilePath, Encoding.ASCII);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw ProfileErrors.KeyFileInvalid(KeyFilePath, "it cannot be read", e);
        }

        return new ProfileKey(DecodeKeyFile(text.Trim()), $"the key file {KeyFilePath}");
    }

    /// <summary>
    /// The key, creating a new key file when there is none. Only for a profile that holds no sealed
    /// secret yet, and only under the profile's lock, so that concurrent first writers agree on one key.
    /// </summary>
    public ProfileKey LoadOrCreate()
    {
        var existing = TryLoad();
        if (existing is not null)
        {
            return existing;
        }

        var bytes = RandomNumberGenerator.GetBytes(ProfileKey.Length);
        try
        {
            AtomicFile.Create(KeyFilePath, Encoding.ASCII.GetBytes(EncodeKeyFile(bytes) + "\n"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw ProfileErrors.WriteFailed(KeyFilePath, e);
        }

        return new ProfileKey(bytes, $"the key file {KeyFilePath}");
    }

    private static byte[] DecodeVariable(string value)
    {
        var bytes = DecodeBase64(value.Trim());
        return bytes is { Length: ProfileKey.Length } ? bytes : throw ProfileErrors.KeyVariableInvalid();
    }

    private byte[] DecodeKeyFile(string text)
    {
        if (!text.StartsWith(DpapiPrefix, StringComparison.Ordinal))
        {
            var plain = DecodeBase64(text);
            return plain is { Length: ProfileKey.Length }
                ? plain
                : throw ProfileErrors.KeyFileInvalid(KeyFilePath, $"it does not hold the base64 text of a {ProfileKey.Length}-byte key");
        }

        if (!OperatingSystem.IsWindows())
        {
            throw ProfileErrors.KeyFileInvalid(KeyFilePath, "it is wrapped with Windows DPAPI, which only the Windows user who made it can open");
        }

        var wrapped = DecodeBase64(text[DpapiPrefix.Length..])
            ?? throw ProfileErrors.KeyFileInvalid(KeyFilePath, "its DPAPI-wrapped key is not valid base64");
        byte[] bytes;
        try
        {
            bytes = ProtectedData.Unprotect(wrapped, DpapiEntropy, DataProtectionScope.CurrentUser);
        }
        catch (CryptographicException e)
        {
            throw ProfileErrors.KeyFileInvalid(KeyFilePath, "Windows DPAPI cannot unwrap it (it was made by another Windows user, or on another computer)", e);
        }

        return bytes.Length == ProfileKey.Length
            ? bytes
            : throw ProfileErrors.KeyFileInvalid(KeyFilePath, $"it does not hold a {ProfileKey.Length}-byte key");
    }

    private static string EncodeKeyFile(byte[] key) => OperatingSystem.IsWindows()
        ? DpapiPrefix + Convert.ToBase64String(ProtectedData.Protect(key, DpapiEntropy, DataProtectionScope.CurrentUser))
        : Convert.ToBase64String(key);

    private static byte[]? DecodeBase64(string text)
    {
        var buffer = new byte[(text.Length * 3 / 4) + 3];
        return Convert.TryFromBase64String(text, buffer, out var written) ? buffer[..written] : null;
    }
}
