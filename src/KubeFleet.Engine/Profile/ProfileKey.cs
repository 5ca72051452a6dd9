namespace KubeFleet.Engine.Profile;

/// <summary>The 32-byte AES-256 key that seals a profile's secrets, and where it came from.</summary>
internal sealed class ProfileKey
{
    public const int Length = 32;

    public ProfileKey(byte[] bytes, string origin)
    {
        if (bytes.Length != Length)
        {
            throw new ArgumentException($"A profile key is {Length} bytes.", nameof(bytes));
        }

        Bytes = bytes;
        Origin = origin;
    }

    public byte[] Bytes { get; }

    /// <summary>Where the key came from, for messages: the variable's name or the key file's path.</summary>
    public string Origin { get; }

    public override string ToString() => $"ProfileKey from {Origin}";
}
