using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography;
using ConnectUi.Connections.Storage;
using ConnectUi.Connections;
using ConnectUi.Storage;
using ConnectUi.Storage.KeyRing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ConnectUi.Tests.Storage;

/// <summary>The Data Protection key ring lives in the database; a configured certificate or key file keeps it encrypted there.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class KeyRingProtectionTests : IDisposable
{
    private const string CertificatePassword = "test-pfx-password";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "connectui-tests", Guid.NewGuid().ToString("N"));

    public KeyRingProtectionTests() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task With_a_key_certificate_the_stored_key_ring_is_encrypted_and_another_instance_still_decrypts()
    {
        var certificate = WriteCertificate();
        var connectionId = Guid.NewGuid();
        string stored;
        await using (var first = await StartAsync(certificate))
        {
            stored = first.GetRequiredService<CredentialProtector>().Protect(connectionId, new Dictionary<string, string> { ["ApiPassword"] = "s3cret" });
            var keyXml = Assert.Single(await KeyRingAsync(first));
            Assert.Contains("encryptedSecret", keyXml);
            Assert.DoesNotContain("<masterKey", keyXml);
        }

        // A second instance (or a restart) reads the encrypted key ring from the database with the same certificate.
        await using var second = await StartAsync(certificate);
        Assert.Equal("s3cret", second.GetRequiredService<CredentialProtector>().Unprotect(connectionId, stored)["ApiPassword"]);
    }

    [Fact]
    public async Task Without_a_certificate_the_key_ring_is_stored_as_Data_Protection_writes_it()
    {
        await using var services = await StartAsync(certificatePath: null);

        services.GetRequiredService<CredentialProtector>().Protect(Guid.NewGuid(), new Dictionary<string, string> { ["ApiPassword"] = "s3cret" });

        Assert.Contains("<masterKey", Assert.Single(await KeyRingAsync(services)));
    }

    [Fact]
    public async Task With_a_key_file_the_stored_key_ring_is_encrypted_and_a_restart_with_the_file_decrypts()
    {
        var keyFile = WriteKeyFile();
        var connectionId = Guid.NewGuid();
        string stored;
        await using (var first = await StartAsync(certificatePath: null, keyFile))
        {
            stored = first.GetRequiredService<CredentialProtector>().Protect(connectionId, new Dictionary<string, string> { ["ApiPassword"] = "s3cret" });
            var keyXml = Assert.Single(await KeyRingAsync(first));
            Assert.Contains("encryptedWithKeyEncryptionKey", keyXml);
            Assert.DoesNotContain("<masterKey", keyXml);
        }

        await using var second = await StartAsync(certificatePath: null, keyFile);
        Assert.Equal("s3cret", second.GetRequiredService<CredentialProtector>().Unprotect(connectionId, stored)["ApiPassword"]);
    }

    [Fact]
    public async Task A_copy_of_the_database_without_the_key_file_decrypts_nothing()
    {
        var connectionId = Guid.NewGuid();
        string stored;
        await using (var original = await StartAsync(certificatePath: null, WriteKeyFile()))
        {
            stored = original.GetRequiredService<CredentialProtector>().Protect(connectionId, new Dictionary<string, string> { ["ApiPassword"] = "s3cret" });
        }

        // The thief's copy: same database, no key file (or another one).
        await using var withoutKey = await StartAsync(certificatePath: null, keyEncryptionKeyPath: null);
        Assert.ThrowsAny<CryptographicException>(() => withoutKey.GetRequiredService<CredentialProtector>().Unprotect(connectionId, stored));
        await using var withOtherKey = await StartAsync(certificatePath: null, WriteKeyFile("other.kek"));
        Assert.ThrowsAny<CryptographicException>(() => withOtherKey.GetRequiredService<CredentialProtector>().Unprotect(connectionId, stored));
    }

    [Fact]
    public void A_key_file_other_users_can_read_is_refused_with_the_chmod_that_fixes_it()
    {
        var keyFile = WriteKeyFile();
        File.SetUnixFileMode(keyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var error = Assert.Throws<KeyRingProtectionException>(() => KeyEncryptionKey.Load(keyFile));

        Assert.Contains($"chmod 600 {keyFile}", error.Message);
    }

    [Theory]
    [InlineData("not base64 at all")]
    [InlineData("c2hvcnQ=")]
    [InlineData("")]
    public void A_key_file_without_32_bytes_in_base64_is_refused(string content)
    {
        var keyFile = Path.Combine(_folder, "bad.kek");
        File.WriteAllText(keyFile, content);
        File.SetUnixFileMode(keyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var error = Assert.Throws<KeyRingProtectionException>(() => KeyEncryptionKey.Load(keyFile));

        Assert.Contains("openssl rand -base64 32", error.Message);
    }

    [Fact]
    public void A_missing_key_file_is_refused_with_the_commands_that_make_one()
    {
        var keyFile = Path.Combine(_folder, "missing.kek");

        var error = Assert.Throws<KeyRingProtectionException>(() => KeyEncryptionKey.Load(keyFile));

        Assert.Contains($"openssl rand -base64 32 > {keyFile} && chmod 600 {keyFile}", error.Message);
    }

    [Fact]
    public async Task A_certificate_and_a_key_file_together_are_refused()
    {
        var error = await Assert.ThrowsAsync<KeyRingProtectionException>(() => StartAsync(WriteCertificate(), WriteKeyFile()));

        Assert.Contains("not both", error.Message);
    }

    /// <summary>What <c>openssl rand -base64 32 &gt; FILE &amp;&amp; chmod 600 FILE</c> makes.</summary>
    private string WriteKeyFile(string name = "keyring.kek")
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return path;
    }

    private async Task<ServiceProvider> StartAsync(string? certificatePath, string? keyEncryptionKeyPath = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:ConnectUi"] = $"Data Source={Path.Combine(_folder, "connectui.db")}",
            [StorageServiceCollectionExtensions.KeyCertificatePathKey] = certificatePath,
            [StorageServiceCollectionExtensions.KeyCertificatePasswordKey] = CertificatePassword,
            [StorageServiceCollectionExtensions.KeyEncryptionKeyPathKey] = keyEncryptionKeyPath,
        };
        var services = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .AddConnections(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .BuildServiceProvider();
        await services.MigrateConnectUiDatabaseAsync();
        return services;
    }

    private static async Task<List<string>> KeyRingAsync(IServiceProvider services)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<ConnectUiDbContext>>().CreateDbContextAsync();
        return await db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync();
    }

    private string WriteCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=ConnectUi key ring (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(
            new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var path = Path.Combine(_folder, "keyring.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, CertificatePassword));
        return path;
    }
}
