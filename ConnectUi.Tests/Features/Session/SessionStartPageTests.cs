using Bunit;
using ConnectUi.Connections;
using ConnectUi.Features.Session;
using ConnectUi.Providers.ConnectWisePsa;
using ConnectUi.Providers.Konnektive;
using ConnectUi.Sessions;
using ConnectUi.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using static ConnectUi.Tests.Features.Session.SessionExamples;

namespace ConnectUi.Tests.Features.Session;

public sealed class SessionStartPageTests : ComponentTestContext
{
    private const string Token = "tok-abcdefghijklmnopqrstuvwxyz0123456789ABCD";
    private readonly FakeSessionService _sessions = new();
    private readonly FakeConnectionStore _store = new();

    public SessionStartPageTests()
    {
        Services.AddSingleton<ISessionService>(_sessions);
        Services.AddSingleton<IConnectionStore>(_store);
        Services.Configure<HostApplicationOptions>(o => o.HostName = "Acme Portal");
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    private NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    private ConnectSessionContext Context => Services.GetRequiredService<ConnectSessionContext>();

    [Fact]
    public void A_session_for_one_provider_goes_straight_to_its_page_and_drops_the_token_from_the_address()
    {
        _sessions.Lookup = new SessionLookup(SessionStatus.Active, ExampleSession(allowedProviders: [KonnektiveProvider.Id]));

        Render();

        Assert.Equal([Token], _sessions.Tokens);
        Assert.Equal("http://localhost/connect/konnektive", Navigation.Uri);
        Assert.Equal(SessionId, Context.Current?.Id);
    }

    [Fact]
    public void A_session_for_several_or_all_providers_opens_the_catalog()
    {
        _sessions.Lookup = new SessionLookup(SessionStatus.Active, ExampleSession());

        Render();

        Assert.Equal("http://localhost/", Navigation.Uri);
        Assert.False(Context.Refuses);
    }

    [Fact]
    public void A_reconnect_session_opens_the_connections_provider_with_its_settings()
    {
        var connectionId = Guid.NewGuid();
        _store.Connections[connectionId] = ExampleConnection(connectionId, ConnectWisePsaProvider.Id, "user-1");
        _sessions.Lookup = new SessionLookup(SessionStatus.Active, ExampleSession(reconnectConnectionId: connectionId));

        Render();

        Assert.Equal("http://localhost/connect/connectwise-psa", Navigation.Uri);
        Assert.Equal(connectionId, Context.ReconnectTarget?.ConnectionId);
    }

    [Fact]
    public void A_reconnect_session_for_a_connection_that_is_not_the_end_users_is_refused()
    {
        var connectionId = Guid.NewGuid();
        _store.Connections[connectionId] = ExampleConnection(connectionId, KonnektiveProvider.Id, "someone-else");
        _sessions.Lookup = new SessionLookup(SessionStatus.Active, ExampleSession(reconnectConnectionId: connectionId));

        var page = Render();

        Assert.NotNull(page.Find("[data-testid=session-expired]"));
        Assert.Null(Context.Current);
        Assert.True(Context.Refuses);
    }

    [Theory]
    [InlineData(SessionStatus.Unknown)]
    [InlineData(SessionStatus.Expired)]
    public void An_unknown_or_expired_link_shows_the_expired_page_naming_the_host(SessionStatus status)
    {
        _sessions.Lookup = new SessionLookup(status, status == SessionStatus.Unknown ? null : ExampleSession());

        var page = Render();

        var expired = page.Find("[data-testid=session-expired]");
        Assert.Contains(SessionStrings.ExpiredHeading, expired.TextContent);
        Assert.Contains(string.Format(SessionStrings.ExpiredAskForNew, "Acme Portal"), expired.TextContent);
        Assert.Equal("http://localhost/connect?session=" + Token, Navigation.Uri);
        Assert.Equal(status, Context.EndedBecause);
    }

    [Fact]
    public void A_used_link_says_so()
    {
        _sessions.Lookup = new SessionLookup(SessionStatus.Used, ExampleSession());

        var page = Render();

        Assert.Equal(SessionStrings.ExpiredUsed, page.Find("[data-testid=session-used]").TextContent);
    }

    [Fact]
    public void While_prerendering_the_page_only_says_it_is_opening()
    {
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));
        _sessions.Lookup = new SessionLookup(SessionStatus.Active, ExampleSession(allowedProviders: [KonnektiveProvider.Id]));

        var page = Render();

        Assert.NotNull(page.Find("[data-testid=session-opening]"));
        Assert.Equal("http://localhost/connect?session=" + Token, Navigation.Uri);
        Assert.Null(Context.Current);
    }

    [Theory]
    [InlineData("connect/connectwise-psa", "http://localhost/connect/connectwise-psa")]
    [InlineData("https://evil.example/", "http://localhost/")]
    [InlineData(null, "http://localhost/")]
    public void After_the_tabs_server_was_lost_the_session_opens_again_from_the_tab_and_returns_to_its_page(string? path, string expected)
    {
        _sessions.Lookup = new SessionLookup(SessionStatus.Active, ExampleSession(allowedProviders: [KonnektiveProvider.Id, ConnectWisePsaProvider.Id]));
        var script = JSInterop.SetupModule("./Features/Session/SessionStartPage.razor.js");
        script.Setup<SessionStartPage.SavedSession?>("recall").SetResult(new SessionStartPage.SavedSession(Token, path));
        Navigation.NavigateTo("/connect?resume=true");

        var page = Render<SessionStartPage>();

        page.WaitForAssertion(() => Assert.Equal(SessionId, Context.Current?.Id));
        Assert.Equal([Token], _sessions.Tokens);
        Assert.Equal(expected, Navigation.Uri);
    }

    [Fact]
    public void Resuming_without_a_kept_token_shows_the_expired_page()
    {
        var script = JSInterop.SetupModule("./Features/Session/SessionStartPage.razor.js");
        script.Setup<SessionStartPage.SavedSession?>("recall").SetResult(null);
        Navigation.NavigateTo("/connect?resume=true");

        var page = Render<SessionStartPage>();

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=session-expired]")));
        Assert.Equal([null], _sessions.Tokens);
    }

    [Fact]
    public void Opening_a_link_keeps_its_token_in_the_tab_for_a_lost_server()
    {
        _sessions.Lookup = new SessionLookup(SessionStatus.Active, ExampleSession(allowedProviders: [KonnektiveProvider.Id]));
        var script = JSInterop.SetupModule("./Features/Session/SessionStartPage.razor.js");

        Render();

        Assert.Equal(Token, script.Invocations["remember"].Single().Arguments[0]);
    }

    private IRenderedComponent<SessionStartPage> Render()
    {
        Navigation.NavigateTo("/connect?session=" + Token);
        return Render<SessionStartPage>();
    }
}
