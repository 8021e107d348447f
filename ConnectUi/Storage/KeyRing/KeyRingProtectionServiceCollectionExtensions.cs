using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;

namespace ConnectUi.Storage.KeyRing;

public static class KeyRingProtectionServiceCollectionExtensions
{
    /// <summary>
    /// Encrypts the stored key ring with the configured certificate or key-encryption key file, and makes the app
    /// refuse to start outside Development when neither is set, unless <c>AllowUnprotectedKeys</c> says so.
    /// </summary>
    public static IDataProtectionBuilder ProtectKeyRing(this IDataProtectionBuilder builder, IConfiguration configuration)
    {
        var section = configuration.GetSection(KeyRingProtectionOptions.Section);
        var settings = section.Get<KeyRingProtectionOptions>() ?? new KeyRingProtectionOptions();
        builder.Services.AddOptions<KeyRingProtectionOptions>().Bind(section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<KeyRingProtectionOptions>, KeyRingProtectionValidation>();

        var certificatePath = settings.KeyCertificatePath is { Length: > 0 } c ? c : null;
        var keyFilePath = settings.KeyEncryptionKeyPath is { Length: > 0 } k ? k : null;
        if (certificatePath is not null && keyFilePath is not null)
        {
            throw new KeyRingProtectionException(
                $"Set either {KeyRingProtectionOptions.Section}:KeyCertificatePath or :KeyEncryptionKeyPath, not both: the key ring is encrypted one way.");
        }

        if (certificatePath is not null)
        {
            builder.ProtectKeysWithCertificate(X509CertificateLoader.LoadPkcs12FromFile(certificatePath, settings.KeyCertificatePassword));
        }
        else if (keyFilePath is not null)
        {
            var key = KeyEncryptionKey.Load(keyFilePath);
            builder.Services.AddSingleton(key);
            builder.Services.Configure<KeyManagementOptions>(options => options.XmlEncryptor = new KeyEncryptionKeyXmlEncryptor(key));
        }

        return builder;
    }

    /// <summary>
    /// Needs the environment, so it runs when the host starts rather than while services are registered. Outside a
    /// host (a bare service provider in tests) there is no environment and nothing to refuse.
    /// </summary>
    private sealed class KeyRingProtectionValidation(IServiceProvider services) : IValidateOptions<KeyRingProtectionOptions>
    {
        public ValidateOptionsResult Validate(string? name, KeyRingProtectionOptions options) =>
            options.IsProtected || options.AllowUnprotectedKeys || services.GetService<IHostEnvironment>() is not { } environment || environment.IsDevelopment()
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail(
                    "The Data Protection key ring is stored in the database beside the credentials it encrypts, and nothing protects it: "
                    + "a copy of the database would decrypt every stored credential. Set ConnectUi:DataProtection:KeyCertificatePath "
                    + "(a .pfx, with KeyCertificatePassword) or ConnectUi:DataProtection:KeyEncryptionKeyPath (a key file readable by "
                    + "this account only); see the README. To accept the risk instead, set ConnectUi:DataProtection:AllowUnprotectedKeys=true.");
    }
}
