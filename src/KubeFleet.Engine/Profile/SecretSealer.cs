using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace KubeFleet.Engine.Profile;

/// <summary>
/// AES-256-GCM for one secret value: a fresh random 12-byte nonce each time, a 16-byte tag (the
/// only size every platform accepts), stored as base64 of nonce, ciphertext and tag.
/// </summary>
/// <remarks>
/// The associated data binds a sealed value to its place: the profile's id, the cluster's name, the
/// field's name and a digest of the connection settings the secret is sent with (see
/// <see cref="AccessBinding"/>). Moving a value to another profile, cluster or field, or pointing
/// its cluster at another server or exec command, makes it fail to open. The profile's id stands
/// in for the file's path so that the profile file can be copied, with its key, to the machine
/// that runs a runbook and still open there.
/// </remarks>
internal static class SecretSealer
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private static readonly byte[] Purpose = Encoding.UTF8.GetBytes("KubeFleet profile secret v1");

    public static string Seal(ProfileKey key, string plaintext, byte[] associatedData)
    {
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var sealedBytes = new byte[NonceSize + plain.Length + TagSize];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key.Bytes, TagSize);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceSize, plain.Length), sealedBytes.AsSpan(NonceSize + plain.Length), associatedData);
        CryptographicOperations.ZeroMemory(plain);
        return Convert.ToBase64String(sealedBytes);
    }

    /// <returns>False when the value is malformed, was changed, or was sealed with another key or associated data.</returns>
    public static bool TryUnseal(ProfileKey key, string sealedText, byte[] associatedData, out string plaintext)
    {
        plaintext = "";
        byte[] sealedBytes;
        try
        {
            sealedBytes = Convert.FromBase64String(sealedText);
        }
        catch (FormatException)
        {
            return false;
        }

        if (sealedBytes.Length < NonceSize + TagSize)
        {
            return false;
        }

        var cipherLength = sealedBytes.Length - NonceSize - TagSize;
        var plain = new byte[cipherLength];
        using var aes = new AesGcm(key.Bytes, TagSize);
        try
        {
            aes.Decrypt(
                sealedBytes.AsSpan(0, NonceSize),
                sealedBytes.AsSpan(NonceSize, cipherLength),
                sealedBytes.AsSpan(NonceSize + cipherLength),
                plain,
                associatedData);
        }
        catch (AuthenticationTagMismatchException)
        {
            return false;
        }

        plaintext = Encoding.UTF8.GetString(plain);
        CryptographicOperations.ZeroMemory(plain);
        return true;
    }

    /// <summary>Associated data made of length-prefixed parts, so that no two different places share it.</summary>
    public static byte[] AssociatedData(Guid profileId, string clusterName, string field, ReadOnlySpan<byte> accessBinding)
    {
        var parts = new[] { Purpose, profileId.ToByteArray(), Encoding.UTF8.GetBytes(clusterName), Encoding.UTF8.GetBytes(field), accessBinding.ToArray() };
        var result = new byte[parts.Sum(part => sizeof(int) + part.Length)];
        var offset = 0;
        foreach (var part in parts)
        {
            BinaryPrimitives.WriteInt32BigEndian(result.AsSpan(offset), part.Length);
            part.CopyTo(result, offset + sizeof(int));
            offset += sizeof(int) + part.Length;
        }

        return result;
    }
}
