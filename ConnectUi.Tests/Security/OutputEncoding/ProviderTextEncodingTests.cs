using Bunit;
using ConnectUi.Connections;
using ConnectUi.Features.Connect;
using ConnectUi.Providers.Konnektive;
using ConnectUi.Providers;
using ConnectUi.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectUi.Tests.Security.OutputEncoding;

/// <summary>Text from providers is shown as text, never parsed as markup.</summary>
public sealed class ProviderTextEncodingTests : ComponentTestContext
{
    private const string Payload = "<img src=x onerror=alert(1)><script>alert(2)</script>";
    private readonly FakeConnectionService _connections = new();

    public ProviderTextEncodingTests() => Services.AddSingleton<IConnectionService>(_connections);

    [Fact]
    public async Task A_provider_message_with_markup_is_shown_encoded()
    {
        _connections.Result = new ConnectResult
        {
            Status = ConnectStatus.NotVerified,
            Outcome = VerificationOutcome.ProviderError,
            Problem = new ConnectProblem($"Konnektive said {Payload}", ["ApiPassword"], null, TechnicalDetails: $"message \"{Payload}\""),
        };
        var page = Render<ConnectPage>(p => p.Add(c => c.ProviderId, KonnektiveProvider.Id));
        page.Find("#field-ApiLoginId").Input("acme_api");
        page.Find("#field-ApiPassword").Input("a-password");

        await page.Find("form").SubmitAsync();

        page.WaitForAssertion(() => Assert.Contains("Konnektive said", page.Markup));
        Assert.Empty(page.FindAll("img[src=x], script"));
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", page.Markup);
    }
}
