using System.Security.Cryptography;

namespace ConnectUi.Storage.KeyRing;

/// <summary>
/// The key-encryption key: 32 random bytes read from a file outside the database, used by
/// <see cref="KeyEncryptionKeyXmlEncryptor"/> to encrypt each Data Protection key before it is stored.
/// </summary>
public sealed class KeyEncryptionKey
{
    public const int Length = 32;

    private const UnixFileMode OthersAndGroup =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
        UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    private KeyEncryptionKey(byte[] key)
    {
        Key = key;
        Id = Convert.ToHexStringLower(SHA256.HashData(key))[..16];
    }

    internal byte[] Key { get; }

    /// <summary>A non-secret fingerprint stored beside each encrypted key, so a wrong key file is named as such.</summary>
    public string Id { get; }

    /// <summary>Reads and checks the file; the message of a failure says how to fix it.</summary>
    public static KeyEncryptionKey Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new KeyRingProtectionException($"The key-encryption key file '{path}' does not exist. Make one with: openssl rand -base64 32 > {path} && chmod 600 {path}");
        }

        // The key is only as safe as the file: group or world access would hand it to every account on the machine.
        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & OthersAndGroup) != 0)
        {
            throw new KeyRingProtectionException($"The key-encryption key file '{path}' can be read or written by other users. Restrict it with: chmod 600 {path}");
        }

        byte[] key;
        try
        {
            key = Convert.FromBase64String(File.ReadAllText(path).Trim());
        }
        catch (FormatException)
        {
            key = [];
        }

        return key.Length == Length
            ? new KeyEncryptionKey(key)
            : throw new KeyRingProtectionException($"The key-encryption key file '{path}' must hold {Length} random bytes in base64 (openssl rand -base64 32).");
    }
}

/// <summary>The key ring's protection is missing or misconfigured; the app must not start this way.</summary>
public sealed class KeyRingProtectionException(string message) : InvalidOperationException(message);
