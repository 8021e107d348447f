using AngleSharp.Dom;
using Bunit;
using ConnectUi.Connections;
using ConnectUi.Features.Connect;
using ConnectUi.Providers.ConnectWisePsa;
using ConnectUi.Providers.Konnektive;
using ConnectUi.Providers;
using ConnectUi.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectUi.Tests.Hardening;

/// <summary>Markup typed by the person or sent back by a provider is shown as text, never turned into elements.</summary>
public sealed class HostileRenderingTests : ComponentTestContext
{
    private const string Script = "<script>alert('xss')</script>";
    private const string Img = "\"><img src=x onerror=alert(1)>";
    private readonly FakeConnectionService _connections = new();

    public HostileRenderingTests() => Services.AddSingleton<IConnectionService>(_connections);

    public static TheoryData<string> ProviderIds => [KonnektiveProvider.Id, ConnectWisePsaProvider.Id];

    private static ProviderDefinition Provider(string id) =>
        id == KonnektiveProvider.Id ? KonnektiveProvider.Definition : ConnectWisePsaProvider.Definition;

    [Theory]
    [MemberData(nameof(ProviderIds))]
    public void Hostile_values_typed_into_any_field_stay_text(string providerId)
    {
        var provider = Provider(providerId);
        var form = RenderForm(provider);

        foreach (var fragment in HostileInput.MarkupFragments.Append(Script + Img + "'; DROP TABLE Connections; --"))
        {
            foreach (var field in provider.Fields)
            {
                form.Find($"#field-{field.Name}").Input(fragment);
                form.Find($"#field-{field.Name}").Blur();

                // The test's HTML parser turns NUL into U+FFFD as browsers' parsers do; the value itself is kept.
                Assert.Equal(field.Normalize(fragment).Value.Replace('\0', '\uFFFD'), form.Find($"#field-{field.Name}").GetAttribute("value"));
            }

            AssertNoInjectedElements(form);
        }
    }

    [Fact]
    public async Task Markup_in_accepted_values_and_in_the_providers_answer_is_shown_encoded()
    {
        const string message = "Konnektive said: " + Script + Img;
        const string details = "POST order/query/; message \"</pre>" + Script + "\"";
        _connections.Result = new ConnectResult
        {
            Status = ConnectStatus.NotVerified,
            Outcome = VerificationOutcome.InvalidCredentials,
            Problem = new ConnectProblem(message, ["ApiLoginId", "ApiPassword"], KonnektiveProvider.Steps.FindCredentials, details),
        };
        var form = RenderForm(KonnektiveProvider.Definition);

        // Both values pass Konnektive's rules (no space in the login, no & in the password), so they reach the service.
        const string loginId = "<script>alert(1)</script>";
        const string password = "\"><img/src=x/onerror=alert(1)>'--";
        form.Find("#field-ApiLoginId").Input(loginId);
        form.Find("#field-ApiPassword").Input(password);
        await form.Find("form").SubmitAsync();

        var call = Assert.Single(_connections.Calls);
        Assert.Equal(loginId, call.Values["ApiLoginId"]);
        Assert.Equal(password, call.Values["ApiPassword"]);
        AssertNoInjectedElements(form);
        Assert.Contains(message, form.Find("[data-testid=provider-problem]").TextContent);
        Assert.Contains(details, form.Find("[data-testid=technical-details]").TextContent);
        Assert.Contains(message, form.Find("[data-testid=provider-problem-message]").TextContent);
        Assert.Contains("&lt;script&gt;alert('xss')&lt;/script&gt;", form.Markup);
        Assert.Equal(loginId, form.Find("#field-ApiLoginId").GetAttribute("value"));
        Assert.Equal(password, form.Find("#field-ApiPassword").GetAttribute("value"));
    }

    [Fact]
    public async Task A_hostile_suggested_value_is_offered_as_text_and_used_verbatim()
    {
        const string suggestion = "<img src=x onerror=alert(2)>";
        _connections.Result = new ConnectResult
        {
            Status = ConnectStatus.NotVerified,
            Outcome = ConnectWisePsaOutcomes.UnsupportedApiVersion.Category,
            OutcomeCode = ConnectWisePsaOutcomes.UnsupportedApiVersion.Code,
            Problem = new ConnectProblem(
                Img,
                ["ApiVersion"],
                ConnectWisePsaProvider.Steps.HostnameAndVersion,
                Script,
                new Dictionary<string, string> { ["ApiVersion"] = suggestion }),
        };
        var form = RenderForm(ConnectWisePsaProvider.Definition);
        form.Find("#field-Hostname").Input("api-na.myconnectwise.net");
        form.Find("#field-ApiVersion").Input("2025.1");
        form.Find("#field-ClientId").Input("3fa85f64-5717-4562-b3fc-2c963f66afa6");
        form.Find("#field-Username").Input("acme+<script>alert(3)</script>");
        form.Find("#field-Password").Input(Script + Img);

        await form.Find("form").SubmitAsync();

        Assert.Single(_connections.Calls);
        AssertNoInjectedElements(form);
        var reports = string.Format(ConnectStrings.ProviderReports, ConnectWisePsaProvider.Definition.DisplayName, ConnectWisePsaStrings.ApiVersionLabel);
        Assert.Contains($"{reports} {suggestion}", form.Find("[data-testid=provider-problem]").TextContent);

        form.Find("[data-testid=use-suggestion]").Click();

        Assert.Equal(suggestion, form.Find("#field-ApiVersion").GetAttribute("value"));
        AssertNoInjectedElements(form);
    }

    private static void AssertNoInjectedElements(IRenderedComponent<CredentialForm> form)
    {
        Assert.Empty(form.FindAll("script"));
        Assert.Empty(form.FindAll("img"));
        Assert.Empty(form.FindAll("iframe, object, embed"));
        Assert.DoesNotContain(form.FindAll("*"), HasEventHandlerAttribute);
    }

    /// <summary>Blazor's own handlers never reach the DOM as attributes, so any on* attribute came from input.</summary>
    private static bool HasEventHandlerAttribute(IElement element) =>
        element.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));

    private IRenderedComponent<CredentialForm> RenderForm(ProviderDefinition provider) =>
        Render<CredentialForm>(p => p.Add(c => c.Provider, provider));
}
