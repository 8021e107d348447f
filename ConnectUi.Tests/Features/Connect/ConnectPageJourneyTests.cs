using ConnectUi.Providers.Konnektive;
using Bunit;
using ConnectUi.Connections;
using ConnectUi.Features.Connect;
using ConnectUi.Journeys;
using ConnectUi.Providers.ConnectWisePsa;
using ConnectUi.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using ConnectUi.Providers;

namespace ConnectUi.Tests.Features.Connect;

/// <summary>What the provider page tells the support console: the visit, its code, field states and the outcome, never a typed secret.</summary>
public sealed class ConnectPageJourneyTests : ComponentTestContext
{
    private readonly FakeConnectionService _connections = new();

    public ConnectPageJourneyTests() => Services.AddSingleton<IConnectionService>(_connections);

    private RecordingJourneyRecorder Recorder => (RecordingJourneyRecorder)Services.GetRequiredService<IJourneyRecorder>();

    private IRenderedComponent<ConnectPage> RenderPage() =>
        Render<ConnectPage>(p => p.Add(c => c.ProviderId, ConnectWisePsaProvider.Id));

    [Fact]
    public void Opening_the_page_starts_a_visit_and_shows_its_support_code()
    {
        var page = RenderPage();

        page.WaitForAssertion(() => Assert.Equal(string.Format(ConnectStrings.SupportCode, "ACE-347"), page.Find("[data-testid=support-code]").TextContent));
        var start = Assert.Single(Recorder.Starts);
        Assert.Equal(ConnectWisePsaProvider.Id, start.ProviderId);
        Assert.Equal(ConnectWisePsaProvider.Steps.HostnameAndVersion, start.Step);
    }

    [Fact]
    public void The_support_code_arriving_renders_that_line_alone()
    {
        var page = RenderPage();

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=support-code]")));
        // Each render after the first leaves a component holding its previous render tree as well: the page, the form
        // and the guide are the biggest trees of a circuit (docs/performance.md, "Fifth round"). Had the page rendered
        // again, so would the form and the guide, whose parameters are objects.
        Assert.Equal(1, page.FindComponent<CredentialForm>().RenderCount);
        Assert.Equal(1, page.FindComponent<ProviderGuideView>().RenderCount);
        Assert.Equal(2, page.FindComponent<VisitSupportCode>().RenderCount);
    }

    [Theory]
    [InlineData("""{"language":"de-DE","width":390}""", "de-DE", ViewportClass.Phone)]
    [InlineData("""{"language":"en-GB","width":1280}""", "en-GB", ViewportClass.Desktop)]
    [InlineData("not json", null, null)]
    public void The_visit_carries_the_language_and_screen_size_the_browser_describes(string answer, string? language, ViewportClass? viewport)
    {
        JSInterop.SetupModule("./Features/Connect/ConnectPage.razor.js").Setup<string?>("browserContext", _ => true).SetResult(answer);

        var page = RenderPage();

        page.WaitForAssertion(() => Assert.Single(Recorder.Starts));
        var start = Recorder.Starts.Single();
        Assert.Equal(language, start.BrowserLanguage);
        Assert.Equal(viewport, start.Viewport);
    }

    [Fact]
    public void A_copied_hostname_is_reported_and_only_its_button_shows_the_check_mark()
    {
        var clipboard = JSInterop.SetupModule("./Features/Connect/CopyButton.razor.js");
        clipboard.Setup<bool>("copyText", _ => true).SetResult(true);
        var page = RenderPage();
        page.WaitForAssertion(() => Assert.Single(Recorder.Starts));
        var host = ConnectWisePsaProvider.CloudHostnames[1];

        page.FindAll("[data-testid=copy-button]").Single(b => b.GetAttribute("aria-label") == string.Format(ConnectStrings.CopyValue, host)).Click();

        page.WaitForAssertion(() => Assert.Contains(Recorder.Events, e => e.Kind == JourneyEventKind.ValueCopied && e.Detail == host));
        Assert.Equal(host, clipboard.Invocations.Single(i => i.Identifier == "copyText").Arguments[0]);
        var checkMarks = page.FindAll("[data-testid=copy-button]").Where(ShowsCheckMark);
        Assert.Equal(string.Format(ConnectStrings.CopyValue, host), Assert.Single(checkMarks).GetAttribute("aria-label"));
    }

    [Fact]
    public void A_copy_the_browser_refuses_is_not_reported_and_keeps_the_copy_icon()
    {
        JSInterop.SetupModule("./Features/Connect/CopyButton.razor.js").Setup<bool>("copyText", _ => true).SetResult(false);
        var page = RenderPage();
        page.WaitForAssertion(() => Assert.Single(Recorder.Starts));

        var host = ConnectWisePsaProvider.CloudHostnames[0];
        page.FindAll("[data-testid=copy-button]").Single(b => b.GetAttribute("aria-label") == string.Format(ConnectStrings.CopyValue, host)).Click();

        Assert.DoesNotContain(Recorder.Events, e => e.Kind == JourneyEventKind.ValueCopied);
        Assert.DoesNotContain(page.FindAll("[data-testid=copy-button]"), ShowsCheckMark);
    }

    // The check mark's drawing: the last path of MudBlazor's icon (the first is its empty bounding box).
    private static bool ShowsCheckMark(AngleSharp.Dom.IElement button) =>
        button.QuerySelectorAll("path").Any(path => MudBlazor.Icons.Material.Filled.Check.Contains($"d=\"{path.GetAttribute("d")}\"", StringComparison.Ordinal)
                                                    && path.GetAttribute("fill") != "none");

    [Fact]
    public void A_field_turning_invalid_is_reported_with_its_rule_and_message_but_not_its_value()
    {
        var page = RenderPage();
        page.WaitForAssertion(() => Assert.Single(Recorder.Starts));

        page.Find("#field-Username").Input("typed-secret-without-plus");
        page.Find("#field-Username").Blur();

        page.WaitForAssertion(() => Assert.Contains(Recorder.Events, e => e.Kind == JourneyEventKind.FieldInvalid));
        var invalid = Recorder.Events.Single(e => e.Kind == JourneyEventKind.FieldInvalid);
        Assert.Equal(nameof(ConnectWisePsaCredentials.Username), invalid.Field);
        Assert.Equal(ConnectWisePsaStrings.UsernameNeedsPlus, invalid.Message);
        Assert.False(string.IsNullOrEmpty(invalid.Rule));
        Assert.DoesNotContain(Recorder.Events, e => $"{e.Message}{e.Detail}{e.Field}{e.Rule}".Contains("typed-secret", StringComparison.Ordinal));
    }

    [Fact]
    public void A_refusal_is_reported_with_the_customers_message_and_only_non_secret_settings()
    {
        _connections.Result = new ConnectResult
        {
            Status = ConnectStatus.NotVerified,
            Outcome = VerificationOutcome.InvalidCredentials,
            Problem = new ConnectProblem("The keys were refused.", ["Username", "Password"], ConnectWisePsaProvider.Steps.ClientIdAndKeys, "HTTP 401"),
        };
        var page = RenderPage();
        page.WaitForAssertion(() => Assert.Single(Recorder.Starts));
        page.Find("#field-Hostname").Input(ConnectWisePsaSandbox.Hostname);
        page.Find("#field-ApiVersion").Input("2025.1");
        page.Find("#field-ClientId").Input(ConnectWisePsaSandbox.ClientId);
        page.Find("#field-Username").Input("acme+typed-public-key");
        page.Find("#field-Password").Input("typed-private-key");

        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Contains(Recorder.Events, e => e.Kind == JourneyEventKind.Outcome));
        var submitted = Recorder.Events.Single(e => e.Kind == JourneyEventKind.Submitted);
        Assert.Contains("Hostname: " + ConnectWisePsaSandbox.Hostname, submitted.Detail, StringComparison.Ordinal);
        Assert.Contains("2025.1", submitted.Detail, StringComparison.Ordinal);
        var outcome = Recorder.Events.Single(e => e.Kind == JourneyEventKind.Outcome);
        Assert.Equal(("The keys were refused.", "Username, Password", ConnectWisePsaProvider.Steps.ClientIdAndKeys, "HTTP 401"),
            (outcome.Message, outcome.Field, outcome.Step, outcome.TechnicalDetails));
        foreach (var secret in new[] { "typed-public-key", "typed-private-key", ConnectWisePsaSandbox.ClientId })
        {
            Assert.DoesNotContain(Recorder.Events, e => $"{e.Message}{e.Detail}{e.TechnicalDetails}".Contains(secret, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_page_left_before_the_browser_described_itself_opens_no_visit()
    {
        var browserContext = JSInterop.SetupModule("./Features/Connect/ConnectPage.razor.js")
            .Setup<string?>("browserContext", _ => true);
        var page = RenderPage();

        // A link followed before the browser answered: the page goes, abandoning a visit it had not opened yet.
        await page.Instance.DisposeAsync();
        browserContext.SetResult("""{"language":"en-US","width":1280}""");
        await page.InvokeAsync(() => { });

        Assert.Empty(Recorder.Starts);
    }

    [Fact]
    public async Task Leaving_the_page_without_connecting_abandons_the_visit()
    {
        var page = RenderPage();
        page.WaitForAssertion(() => Assert.Single(Recorder.Starts));

        await page.Instance.DisposeAsync();

        Assert.Equal(JourneyEventKind.Abandoned, Recorder.Events.Last().Kind);
    }
}
