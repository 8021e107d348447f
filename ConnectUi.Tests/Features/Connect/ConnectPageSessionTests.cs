using System.Globalization;
using Bunit;
using ConnectUi.Connections;
using ConnectUi.Features.Connect;
using ConnectUi.Providers;
using ConnectUi.Providers.ConnectWisePsa;
using ConnectUi.Providers.Konnektive;
using ConnectUi.Sessions;
using ConnectUi.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using static ConnectUi.Tests.Features.Session.SessionExamples;

namespace ConnectUi.Tests.Features.Connect;

public sealed class ConnectPageSessionTests : ComponentTestContext
{
    private readonly FakeConnectionService _connections = new();
    private readonly BunitJSModuleInterop _hostEvents;

    public ConnectPageSessionTests()
    {
        Services.AddSingleton<IConnectionService>(_connections);
        _hostEvents = JSInterop.SetupModule("./js/host-window.js");
    }

    private ConnectSessionContext Context => Services.GetRequiredService<ConnectSessionContext>();

    private NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    [Fact]
    public async Task A_reconnect_session_fills_in_the_settings_and_updates_that_connection_for_the_sessions_end_user()
    {
        var connectionId = Guid.NewGuid();
        Context.Start(
            ExampleSession(reconnectConnectionId: connectionId),
            ExampleRenewal(connectionId, ConnectWisePsaProvider.Id, new Dictionary<string, string>
            {
                ["Hostname"] = "api-eu.myconnectwise.net",
                ["ApiVersion"] = "2025.1",
            }));
        var page = RenderPage(ConnectWisePsaProvider.Id);

        Assert.Equal("api-eu.myconnectwise.net", page.Find("#field-Hostname").GetAttribute("value"));
        Assert.Equal("2025.1", page.Find("#field-ApiVersion").GetAttribute("value"));
        Assert.True(string.IsNullOrEmpty(page.Find("#field-Password").GetAttribute("value")));
        Assert.Empty(page.FindAll("[data-testid=back-to-catalog]"));
        Assert.Equal(string.Format(ConnectStrings.HeadingReconnect, ConnectWisePsaProvider.Definition.DisplayName), page.Find("h1").TextContent.Trim());
        var lastVerified = TestServices.Now.UtcDateTime.ToString("D", CultureInfo.InvariantCulture);
        Assert.Contains(
            string.Format(ConnectStrings.ReconnectNotice, ConnectWisePsaProvider.Definition.DisplayName, "Acme Corp", lastVerified),
            page.Find("[data-testid=reconnect-notice]").TextContent);

        page.Find("#field-ClientId").Input("5b1e9c2a-7d44-4f0e-9a63-c0ffee5ec7e7");
        page.Find("#field-Username").Input("acme+AbCdEf123456");
        page.Find("#field-Password").Input("new-private-key");
        await page.Find("form").SubmitAsync();

        page.WaitForAssertion(() => Assert.Single(_connections.Calls));
        var request = _connections.Calls[0].Request;
        Assert.Equal(connectionId, request.ReconnectConnectionId);
        Assert.Equal("user-1", request.EndUserId);
        Assert.Equal(SessionId, request.SessionId);
    }

    [Fact]
    public void A_provider_the_session_does_not_allow_is_not_shown()
    {
        Context.Start(ExampleSession(allowedProviders: [KonnektiveProvider.Id]), null);

        var page = RenderPage(ConnectWisePsaProvider.Id);

        Assert.Empty(page.FindAll("[data-testid=credential-form]"));
    }

    [Fact]
    public async Task When_the_session_ends_before_saving_the_page_turns_into_the_expired_page_and_tells_the_host()
    {
        Context.Start(ExampleSession(), null);
        _connections.Result = new ConnectResult
        {
            Status = ConnectStatus.SessionEnded,
            Outcome = VerificationOutcome.Verified,
            SessionStatus = SessionStatus.Used,
        };
        var page = RenderPage(KonnektiveProvider.Id);

        await SubmitKonnektiveAsync(page);

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=session-used]")));
        Assert.Empty(page.FindAll("[data-testid=credential-form]"));
        var posted = Assert.Single(_hostEvents.Invocations, i => i.Identifier == "postToHost");
        Assert.Equal("error", posted.Arguments[0]);
    }

    [Fact]
    public async Task After_connecting_without_a_host_window_the_person_goes_to_the_redirect_url_with_the_id_and_outcome()
    {
        Context.Start(ExampleSession(redirectUrl: new Uri("https://host.example/integrations?tab=crm#done")), null);
        var page = RenderPage(KonnektiveProvider.Id);

        await SubmitKonnektiveAsync(page);

        var id = _connections.Result.ConnectionId;
        page.WaitForAssertion(() =>
            Assert.Equal($"https://host.example/integrations?tab=crm&connectionId={id}&outcome=connected#done", Navigation.Uri));
    }

    [Fact]
    public async Task After_connecting_inside_a_host_window_the_host_gets_the_connected_event_and_the_success_screen_stays()
    {
        _hostEvents.Setup<bool>("postToHost", _ => true).SetResult(true);
        Context.Start(ExampleSession(redirectUrl: new Uri("https://host.example/back")), null);
        var page = RenderPage(KonnektiveProvider.Id);

        await SubmitKonnektiveAsync(page);

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=connect-success]")));
        var posted = Assert.Single(_hostEvents.Invocations, i => i.Identifier == "postToHost");
        Assert.Equal("connected", posted.Arguments[0]);
        var detail = System.Text.Json.JsonSerializer.Serialize(posted.Arguments[1]);
        Assert.Equal($$"""{"connectionId":"{{_connections.Result.ConnectionId}}","provider":"konnektive"}""", detail);
        Assert.Equal("http://localhost/", Navigation.Uri);
        Assert.Empty(page.FindAll("[data-testid=connect-another]"));
        Assert.Equal(SessionStatus.Used, Context.EndedBecause);
        Assert.Equal(ConnectStrings.NextUse, page.Find("[data-testid=next-use]").TextContent.Trim());
    }

    [Fact]
    public async Task The_success_screen_names_the_host_application_when_the_installation_does()
    {
        Services.Configure<HostApplicationOptions>(o => o.HostName = "Acme Books");
        _hostEvents.Setup<bool>("postToHost", _ => true).SetResult(true);
        Context.Start(ExampleSession(), null);
        var page = RenderPage(KonnektiveProvider.Id);

        await SubmitKonnektiveAsync(page);

        page.WaitForAssertion(() => Assert.Equal(
            string.Format(ConnectStrings.NextUseNamedHost, "Acme Books"), page.Find("[data-testid=next-use]").TextContent.Trim()));
        Assert.Equal(string.Format(ConnectStrings.ConnectedHeading, KonnektiveProvider.Definition.DisplayName), page.Find("h1").TextContent.Trim());
    }

    [Fact]
    public async Task A_refused_attempt_posts_the_error_event_with_the_outcome_name_only()
    {
        _connections.Result = new ConnectResult
        {
            Status = ConnectStatus.NotVerified,
            Outcome = VerificationOutcome.InvalidCredentials,
            Problem = new ConnectProblem("Konnektive did not accept this password.", ["ApiPassword"], null),
        };
        var page = RenderPage(KonnektiveProvider.Id);

        await SubmitKonnektiveAsync(page);

        page.WaitForAssertion(() => Assert.Single(_hostEvents.Invocations, i => i.Identifier == "postToHost"));
        var posted = _hostEvents.Invocations.Single(i => i.Identifier == "postToHost");
        Assert.Equal("error", posted.Arguments[0]);
        Assert.Equal("""{"provider":"konnektive","outcome":"InvalidCredentials"}""", System.Text.Json.JsonSerializer.Serialize(posted.Arguments[1]));
        Assert.NotNull(page.Find("[data-testid=credential-form]"));
    }

    private static async Task SubmitKonnektiveAsync(IRenderedComponent<ConnectPage> page)
    {
        page.Find("#field-ApiLoginId").Input("acme_api");
        page.Find("#field-ApiPassword").Input("S3cret-Passw0rd");
        await page.Find("form").SubmitAsync();
    }

    private IRenderedComponent<ConnectPage> RenderPage(string providerId) =>
        Render<ConnectPage>(p => p.Add(c => c.ProviderId, providerId));
}
