using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography;
using ConnectUi.Connections.Storage;
using ConnectUi.Connections;
using ConnectUi.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ConnectUi.Tests.Storage;

/// <summary>The Data Protection key ring lives in the database; a configured certificate keeps it encrypted there.</summary>
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

    private async Task<ServiceProvider> StartAsync(string? certificatePath)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:ConnectUi"] = $"Data Source={Path.Combine(_folder, "connectui.db")}",
            [StorageServiceCollectionExtensions.KeyCertificatePathKey] = certificatePath,
            [StorageServiceCollectionExtensions.KeyCertificatePasswordKey] = CertificatePassword,
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
