using Bunit;
using ConnectUi.Connections;
using ConnectUi.Features.Connect;
using ConnectUi.Providers.Konnektive;
using ConnectUi.Providers;
using ConnectUi.Tests.Connections;
using ConnectUi.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static ConnectUi.Tests.Connections.TestCredentials;

namespace ConnectUi.Tests.Security.Redaction;

/// <summary>The provider page over the real connection service: what it shows after a submit holds no secret.</summary>
public sealed class SecretsInPagesTests : ComponentTestContext, IAsyncLifetime
{
    private ConnectionsTestDatabase _db = null!;

    async Task IAsyncLifetime.InitializeAsync()
    {
        _db = await ConnectionsTestDatabase.CreateAsync();
        Services.AddSingleton<IConnectionService>(new ThroughDatabase(_db));
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _db.DisposeAsync();
    }

    [Fact]
    public async Task The_success_screen_shows_no_secret()
    {
        var page = await SubmitKonnektiveAsync();

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=connect-success]")));
        Assert.DoesNotContain(KonnektivePassword, page.Markup, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(KonnektiveLogin, page.Markup, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_provider_message_echoing_the_password_is_shown_redacted()
    {
        _db.Konnektive.Refuse(VerificationOutcome.InvalidCredentials, $"Password {KonnektivePassword} is wrong for {KonnektiveLogin}.");

        var page = await SubmitKonnektiveAsync();

        page.WaitForAssertion(() => Assert.Contains("is wrong for", page.Find("[data-testid=provider-problem-message]").TextContent));
        var shown = string.Join(" ", page.FindAll("[role=alert], .validation-message, #field-ApiPassword-error").Select(e => e.TextContent));
        Assert.Contains(TechnicalDetails.Redacted, shown);
        Assert.DoesNotContain(KonnektivePassword, shown, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(KonnektiveLogin, shown, StringComparison.OrdinalIgnoreCase);
    }

    private async Task<IRenderedComponent<ConnectPage>> SubmitKonnektiveAsync()
    {
        var page = Render<ConnectPage>(p => p.Add(c => c.ProviderId, KonnektiveProvider.Id));
        page.Find("#field-ApiLoginId").Input(KonnektiveLogin);
        page.Find("#field-ApiPassword").Input(KonnektivePassword);
        await page.Find("form").SubmitAsync();
        return page;
    }

    /// <summary>Each submit in a scope of its own, as each circuit has.</summary>
    private sealed class ThroughDatabase(ConnectionsTestDatabase db) : IConnectionService
    {
        public Task<ConnectResult> ConnectAsync(ConnectRequest request, CancellationToken cancellationToken) => db.ConnectAsync(request, cancellationToken);

        public Task<StoredVerification?> VerifyStoredAsync(Guid connectionId, VerificationTrigger trigger, CancellationToken cancellationToken) =>
            throw new NotSupportedException("The page never re-verifies a stored connection.");
    }
}
