using System.Diagnostics;
using ConnectUi.Connections.Storage;
using ConnectUi.Storage;
using ConnectUi.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ConnectUi.Tests.Storage;

/// <summary>
/// Outside Development the app starts only with a protected key ring (certificate or key file) or an explicit
/// acceptance of the risk; the README's openssl commands make files it starts with.
/// </summary>
public sealed class KeyRingStartupTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "connectui-tests", Guid.NewGuid().ToString("N"));

    public KeyRingStartupTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Production_without_protection_refuses_to_start_and_says_what_to_set()
    {
        await using var app = App(new() { ["ConnectUi:DataProtection:AllowUnprotectedKeys"] = "false" });

        var error = Assert.Throws<OptionsValidationException>(() => app.CreateClient());

        Assert.Contains("ConnectUi:DataProtection:KeyCertificatePath", error.Message);
        Assert.Contains("ConnectUi:DataProtection:KeyEncryptionKeyPath", error.Message);
        Assert.Contains("ConnectUi:DataProtection:AllowUnprotectedKeys=true", error.Message);
    }

    [Fact]
    public async Task Production_starts_when_the_operator_accepts_unprotected_keys()
    {
        await using var app = App(new() { ["ConnectUi:DataProtection:AllowUnprotectedKeys"] = "true" });

        using var response = await app.CreateClient().GetAsync("/health/ready");

        Assert.True(response.IsSuccessStatusCode);
    }

    [Fact]
    public async Task Development_starts_without_protection_as_before()
    {
        await using var app = App(new() { ["ConnectUi:DataProtection:AllowUnprotectedKeys"] = "false" }, "Development");

        using var response = await app.CreateClient().GetAsync("/health/ready");

        Assert.True(response.IsSuccessStatusCode);
    }

    [Fact]
    public async Task The_READMEs_two_openssl_commands_make_a_certificate_Production_starts_with_and_encrypts_the_key_ring_with()
    {
        var commands = ReadmeLines("openssl req ", "openssl pkcs12 ");
        await RunAsync(commands, ("KEYRING_PFX_PASSWORD", "pfx-pass-from-test"));

        await using var app = App(new()
        {
            ["ConnectUi:DataProtection:AllowUnprotectedKeys"] = "false",
            ["ConnectUi:DataProtection:KeyCertificatePath"] = Path.Combine(_folder, "keyring.pfx"),
            ["ConnectUi:DataProtection:KeyCertificatePassword"] = "pfx-pass-from-test",
        });

        Assert.Contains("encryptedSecret", await StoredKeyAsync(app));
    }

    [Fact]
    public async Task The_READMEs_key_file_commands_make_a_key_file_Production_starts_with_and_encrypts_the_key_ring_with()
    {
        await RunAsync(ReadmeLines("openssl rand ", "chmod 600 "));

        await using var app = App(new()
        {
            ["ConnectUi:DataProtection:AllowUnprotectedKeys"] = "false",
            ["ConnectUi:DataProtection:KeyEncryptionKeyPath"] = Path.Combine(_folder, "keyring.kek"),
        });

        Assert.Contains("encryptedWithKeyEncryptionKey", await StoredKeyAsync(app));
    }

    private static ConnectUiWebApplicationFactory App(Dictionary<string, string?> settings, string environment = "Production") =>
        new(settings, environment);

    /// <summary>Creates a key (the first protect does) and reads it back as stored.</summary>
    private static async Task<string> StoredKeyAsync(ConnectUiWebApplicationFactory app)
    {
        using var response = await app.CreateClient().GetAsync("/health/ready");
        Assert.True(response.IsSuccessStatusCode);
        app.Services.GetRequiredService<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>().CreateProtector("test").Protect("x"u8.ToArray());
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<ConnectUiDbContext>>().CreateDbContextAsync();
        return (await db.DataProtectionKeys.SingleAsync()).Xml!;
    }

    /// <summary>The README lines (in its shell blocks) that start with each prefix, in README order.</summary>
    private static string[] ReadmeLines(params string[] prefixes)
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "README.md")))
        {
            folder = folder.Parent;
        }

        var lines = File.ReadAllLines(Path.Combine(folder!.FullName, "README.md"));
        return prefixes.Select(prefix => Assert.Single(lines, line => line.StartsWith(prefix, StringComparison.Ordinal))).ToArray();
    }

    private async Task RunAsync(string[] commands, params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo("bash") { WorkingDirectory = _folder, RedirectStandardError = true };
        start.ArgumentList.Add("-euc");
        start.ArgumentList.Add(string.Join("\n", commands));
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{string.Join(" && ", commands)} failed: {errors}");
    }
}
