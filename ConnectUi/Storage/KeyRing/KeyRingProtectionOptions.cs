namespace ConnectUi.Storage.KeyRing;

/// <summary>
/// How the Data Protection key ring is encrypted where it is stored (the database), bound from
/// <c>ConnectUi:DataProtection</c>. Outside Development one of the three must be set, or the app refuses to start.
/// </summary>
public sealed class KeyRingProtectionOptions
{
    public const string Section = "ConnectUi:DataProtection";

    /// <summary>A PKCS#12 (.pfx) file whose certificate encrypts the key ring (<see cref="KeyCertificatePassword"/> opens it).</summary>
    public string? KeyCertificatePath { get; set; }

    public string? KeyCertificatePassword { get; set; }

    /// <summary>A file holding a 256-bit key in base64 (<c>openssl rand -base64 32</c>), readable by its owner only.</summary>
    public string? KeyEncryptionKeyPath { get; set; }

    /// <summary>The operator accepts that a copy of the database alone decrypts every stored credential.</summary>
    public bool AllowUnprotectedKeys { get; set; }

    internal bool IsProtected => !string.IsNullOrWhiteSpace(KeyCertificatePath) || !string.IsNullOrWhiteSpace(KeyEncryptionKeyPath);
}
