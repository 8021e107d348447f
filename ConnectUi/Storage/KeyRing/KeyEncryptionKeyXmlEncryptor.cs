using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace ConnectUi.Storage.KeyRing;

/// <summary>
/// Encrypts each Data Protection key's XML with AES-256-GCM under the <see cref="KeyEncryptionKey"/>, so the key
/// ring stored in the database is useless without the key file. <see cref="KeyEncryptionKeyXmlDecryptor"/> reverses it.
/// </summary>
public sealed class KeyEncryptionKeyXmlEncryptor(KeyEncryptionKey key) : IXmlEncryptor
{
    internal const string ElementName = "encryptedWithKeyEncryptionKey";
    internal const int NonceLength = 12;
    internal const int TagLength = 16;

    /// <summary>Binds the ciphertext to its use: a blob encrypted with this key for anything else does not decrypt here.</summary>
    internal static readonly byte[] AssociatedData = Encoding.UTF8.GetBytes("ConnectUi Data Protection key ring v1");

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        ArgumentNullException.ThrowIfNull(plaintextElement);
        var plaintext = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var blob = new byte[NonceLength + plaintext.Length + TagLength];
        var nonce = blob.AsSpan(0, NonceLength);
        RandomNumberGenerator.Fill(nonce);
        using (var aes = new AesGcm(key.Key, TagLength))
        {
            aes.Encrypt(nonce, plaintext, blob.AsSpan(NonceLength, plaintext.Length), blob.AsSpan(NonceLength + plaintext.Length), AssociatedData);
        }

        CryptographicOperations.ZeroMemory(plaintext);
        var element = new XElement(ElementName,
            new XComment(" Encrypted with the key file of ConnectUi:DataProtection:KeyEncryptionKeyPath. "),
            new XAttribute("keyId", key.Id),
            new XElement("value", Convert.ToBase64String(blob)));
        return new EncryptedXmlInfo(element, typeof(KeyEncryptionKeyXmlDecryptor));
    }
}

/// <summary>Decrypts what <see cref="KeyEncryptionKeyXmlEncryptor"/> wrote. Data Protection creates it by type name.</summary>
public sealed class KeyEncryptionKeyXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        ArgumentNullException.ThrowIfNull(encryptedElement);
        var key = services.GetService<KeyEncryptionKey>()
            ?? throw new KeyRingProtectionException("The key ring was encrypted with a key-encryption key file, but ConnectUi:DataProtection:KeyEncryptionKeyPath is not set.");
        var keyId = (string?)encryptedElement.Attribute("keyId");
        if (keyId != key.Id)
        {
            throw new KeyRingProtectionException($"This key was encrypted with key-encryption key {keyId}, but the configured file holds key {key.Id}.");
        }

        var blob = Convert.FromBase64String((string?)encryptedElement.Element("value") ?? string.Empty);
        var length = blob.Length - KeyEncryptionKeyXmlEncryptor.NonceLength - KeyEncryptionKeyXmlEncryptor.TagLength;
        if (length < 0)
        {
            throw new CryptographicException("The encrypted key is truncated.");
        }

        var plaintext = new byte[length];
        using (var aes = new AesGcm(key.Key, KeyEncryptionKeyXmlEncryptor.TagLength))
        {
            aes.Decrypt(
                blob.AsSpan(0, KeyEncryptionKeyXmlEncryptor.NonceLength),
                blob.AsSpan(KeyEncryptionKeyXmlEncryptor.NonceLength, length),
                blob.AsSpan(KeyEncryptionKeyXmlEncryptor.NonceLength + length),
                plaintext,
                KeyEncryptionKeyXmlEncryptor.AssociatedData);
        }

        try
        {
            return XElement.Parse(Encoding.UTF8.GetString(plaintext));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }
}
