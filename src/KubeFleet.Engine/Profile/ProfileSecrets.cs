namespace KubeFleet.Engine.Profile;

/// <summary>
/// Seals and opens one profile's secrets. The key is loaded only when a secret is first opened or
/// sealed, so listing clusters never needs it. The profile's key check (a known value sealed with
/// its key) tells a wrong key apart from a tampered secret.
/// </summary>
internal sealed class ProfileSecrets
{
    private const string KeyCheckValue = "KubeFleet profile key check";
    private const string KeyCheckField = "keyCheck";

    private readonly ProfileKeySource keySource;
    private readonly object gate = new();
    private ProfileKey? key;

    public ProfileSecrets(Guid profileId, string? keyCheck, ProfileKeySource keySource)
    {
        ProfileId = profileId;
        KeyCheck = keyCheck;
        this.keySource = keySource;
    }

    public Guid ProfileId { get; }

    /// <summary>The sealed key check; null until the profile's first secret is sealed.</summary>
    public string? KeyCheck { get; private set; }

    public string Seal(string clusterName, string field, byte[] accessBinding, string plaintext) =>
        SecretSealer.Seal(KeyToSeal(clusterName), plaintext, SecretSealer.AssociatedData(ProfileId, clusterName, field, accessBinding));

    public string Unseal(string clusterName, string field, string description, byte[] accessBinding, string sealedText)
    {
        var openingKey = KeyToOpen(clusterName);
        var associatedData = SecretSealer.AssociatedData(ProfileId, clusterName, field, accessBinding);
        return SecretSealer.TryUnseal(openingKey, sealedText, associatedData, out var plaintext)
            ? plaintext
            : throw ProfileErrors.SecretTampered(clusterName, $"{description} ({field})");
    }

    private ProfileKey KeyToOpen(string clusterName)
    {
        lock (gate)
        {
            if (key is not null)
            {
                return key;
            }

            if (KeyCheck is null)
            {
                throw ProfileErrors.SecretTampered(clusterName, "credentials (the profile's keyCheck, which every profile with sealed secrets has, was removed)");
            }

            var loaded = keySource.TryLoad() ?? throw ProfileErrors.KeyMissing(clusterName, keySource);
            if (!SecretSealer.TryUnseal(loaded, KeyCheck, KeyCheckAssociatedData(), out var check) || check != KeyCheckValue)
            {
                throw ProfileErrors.KeyMismatch(clusterName, loaded);
            }

            return key = loaded;
        }
    }

    /// <summary>
    /// The key to seal with. A profile that holds no secret yet takes the available key, or a new key
    /// file; one that does must be sealed with the same key, or it would hold secrets no single key opens.
    /// </summary>
    private ProfileKey KeyToSeal(string clusterName)
    {
        lock (gate)
        {
            if (key is not null || KeyCheck is not null)
            {
                return KeyToOpen(clusterName);
            }

            var created = keySource.LoadOrCreate();
            KeyCheck = SecretSealer.Seal(created, KeyCheckValue, KeyCheckAssociatedData());
            return key = created;
        }
    }

    private byte[] KeyCheckAssociatedData() => SecretSealer.AssociatedData(ProfileId, "", KeyCheckField, []);
}
