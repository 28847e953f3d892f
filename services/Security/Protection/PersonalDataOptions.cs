namespace Platform.Security.Protection;

/// <summary>
/// Secrets of the personal data protection, from configuration (section <c>PersonalData</c>; in
/// production a secret store): the encryption key ring and the key of the identifier hashes.
/// Each is a high-entropy secret string; the 256-bit keys are derived from it with HKDF.
/// </summary>
public sealed class PersonalDataOptions
{
    public const string Section = "PersonalData";

    /// <summary>Encryption secrets by key id (1..255). Old ids stay to open what they sealed; new data uses <see cref="ActiveKey"/>.</summary>
    public Dictionary<string, string> Keys { get; set; } = [];
    public string ActiveKey { get; set; } = "1";
    /// <summary>The secret of the keyed hashes (HMAC-SHA256) identifiers are matched by. Changing it unlinks every existing hash.</summary>
    public string HashKey { get; set; } = "";
    /// <summary>
    /// The secret a service shares with the one it hands personal data to inside an event: cases and livelihoods
    /// (referred applicants); for notifications, the one it shares with livelihoods (training invitees).
    /// </summary>
    public string SharingKey { get; set; } = "";
    /// <summary>Livelihoods only: the secret it shares with notifications, a different one from the one it shares with cases.</summary>
    public string NotificationsSharingKey { get; set; } = "";

    public IEnumerable<string> Problems()
    {
        if (Keys.Count == 0) yield return "PersonalData:Keys has no encryption secret (PersonalData__Keys__1=<secret>).";
        foreach (var (id, secret) in Keys)
        {
            if (!byte.TryParse(id, out var number) || number == 0) yield return $"PersonalData:Keys:{id}: key ids are numbers 1..255.";
            if (secret.Length < 32) yield return $"PersonalData:Keys:{id} is shorter than 32 characters: use a generated secret.";
        }
        if (!Keys.ContainsKey(ActiveKey)) yield return $"PersonalData:ActiveKey {ActiveKey} is not among PersonalData:Keys.";
        if (HashKey.Length < 32) yield return "PersonalData:HashKey is missing or shorter than 32 characters.";
        if (SharingKey.Length < 32) yield return "PersonalData:SharingKey (shared with the service that receives personal data in events) is missing or shorter than 32 characters.";
    }
}
