using ConnectUi.Connections;
using ConnectUi.Providers.Konnektive;
using ConnectUi.Providers;
using ConnectUi.Sessions;
using ConnectUi.Tests.Connections;
using ConnectUi.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static ConnectUi.Tests.Connections.TestCredentials;

namespace ConnectUi.Tests.Sessions;

public sealed class SessionServiceTests : IAsyncLifetime
{
    private ConnectionsTestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await SessionsTestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task A_new_session_is_active_until_its_lifetime_ends()
    {
        var created = await _db.CreateSessionAsync(new NewSession("user-1", AllowedProviders: [KonnektiveProvider.Id]));

        var found = await _db.FindSessionAsync(created.Token);
        Assert.Equal(SessionStatus.Active, found.Status);
        Assert.Equal(created.Session.Id, found.Session!.Id);
        Assert.Equal("user-1", found.Session.EndUserId);
        Assert.Equal([KonnektiveProvider.Id], found.Session!.AllowedProviders);
        Assert.Equal(TestServices.Now.AddMinutes(30), found.Session.ExpiresAt);

        _db.Time.Advance(TimeSpan.FromMinutes(30) - TimeSpan.FromTicks(1));
        Assert.Equal(SessionStatus.Active, (await _db.FindSessionAsync(created.Token)).Status);
        _db.Time.Advance(TimeSpan.FromTicks(1));
        Assert.Equal(SessionStatus.Expired, (await _db.FindSessionAsync(created.Token)).Status);
    }

    [Fact]
    public async Task An_unknown_or_malformed_token_opens_nothing()
    {
        await _db.CreateSessionAsync(new NewSession("user-1"));

        Assert.Equal(SessionStatus.Unknown, (await _db.FindSessionAsync(SessionToken.Create())).Status);
        Assert.Equal(SessionStatus.Unknown, (await _db.FindSessionAsync("' OR 1=1 --")).Status);
        Assert.Equal(SessionStatus.Unknown, (await _db.FindSessionAsync(null)).Status);
    }

    [Fact]
    public async Task Saving_a_connection_uses_the_session_up_and_gives_the_connection_to_its_end_user()
    {
        var created = await _db.CreateSessionAsync(new NewSession("user-1"));

        var result = await _db.ConnectAsync(Konnektive(endUserId: "user-1") with { SessionId = created.Session.Id });

        Assert.Equal(ConnectStatus.Connected, result.Status);
        Assert.Equal("user-1", Assert.Single(await _db.ConnectionRowsAsync()).EndUserId);
        var session = Assert.Single(await _db.SessionRowsAsync());
        Assert.Equal(result.ConnectionId, session.ConnectionId);
        Assert.Equal(result.VerifiedAt, session.ConsumedAt);
        Assert.Equal(SessionStatus.Used, (await _db.FindSessionAsync(created.Token)).Status);
    }

    [Fact]
    public async Task A_used_session_saves_nothing_more_and_sends_nothing_to_the_provider()
    {
        var created = await _db.CreateSessionAsync(new NewSession("user-1"));
        await _db.ConnectAsync(Konnektive(endUserId: "user-1") with { SessionId = created.Session.Id });

        var second = await _db.ConnectAsync(Konnektive(endUserId: "user-1") with { SessionId = created.Session.Id });

        Assert.Equal(ConnectStatus.SessionEnded, second.Status);
        Assert.Equal(SessionStatus.Used, second.SessionStatus);
        Assert.Null(second.ConnectionId);
        Assert.Single(await _db.ConnectionRowsAsync());
        Assert.Equal(1, _db.Konnektive.Calls);
    }

    [Fact]
    public async Task A_session_that_expires_during_the_test_call_saves_nothing()
    {
        var created = await _db.CreateSessionAsync(new NewSession("user-1"));
        _db.Time.Advance(TimeSpan.FromMinutes(29));
        _db.Konnektive.Takes = TimeSpan.FromMinutes(2);

        var result = await _db.ConnectAsync(Konnektive(endUserId: "user-1") with { SessionId = created.Session.Id });

        Assert.Equal(ConnectStatus.SessionEnded, result.Status);
        Assert.Equal(SessionStatus.Expired, result.SessionStatus);
        Assert.Empty(await _db.ConnectionRowsAsync());
        Assert.Null(Assert.Single(await _db.SessionRowsAsync()).ConsumedAt);
    }

    [Fact]
    public async Task A_session_used_by_another_tab_during_the_test_call_saves_nothing()
    {
        var created = await _db.CreateSessionAsync(new NewSession("user-1"));
        _db.Konnektive.During = _ => _db.ExecuteAsync("UPDATE ConnectSessions SET ConsumedAt = '2026-11-23 09:30:00+00:00'").GetAwaiter().GetResult();

        var result = await _db.ConnectAsync(Konnektive(endUserId: "user-1") with { SessionId = created.Session.Id });

        Assert.Equal(ConnectStatus.SessionEnded, result.Status);
        Assert.Equal(SessionStatus.Used, result.SessionStatus);
        Assert.Empty(await _db.ConnectionRowsAsync());
    }

    [Theory]
    [InlineData("user-2", null)]
    [InlineData("user-1", "connectwise-psa")]
    public async Task A_request_for_another_end_user_or_a_provider_the_session_does_not_allow_is_refused_before_the_test_call(
        string endUserId, string? allowedProvider)
    {
        var created = await _db.CreateSessionAsync(new NewSession("user-1", AllowedProviders: allowedProvider is null ? null : [allowedProvider]));

        var result = await _db.ConnectAsync(Konnektive(endUserId: endUserId) with { SessionId = created.Session.Id });

        Assert.Equal(ConnectStatus.SessionEnded, result.Status);
        Assert.Equal(SessionStatus.Unknown, result.SessionStatus);
        Assert.Equal(0, _db.Konnektive.Calls);
        Assert.Empty(await _db.ConnectionRowsAsync());
    }

    [Fact]
    public async Task A_reconnect_session_updates_the_same_connection_when_the_new_credentials_work()
    {
        var original = await _db.ConnectAsync(Konnektive(endUserId: "user-1"));
        var id = original.ConnectionId!.Value;
        var created = await _db.CreateSessionAsync(new NewSession("user-1", ReconnectConnectionId: id));

        var result = await _db.ConnectAsync(Konnektive("New-Password-1", "user-1", id) with { SessionId = created.Session.Id });

        Assert.Equal(id, result.ConnectionId);
        Assert.Single(await _db.ConnectionRowsAsync());
        var credentials = await _db.Store.GetCredentialsAsync(id, default);
        Assert.Equal("New-Password-1", credentials![nameof(KonnektiveCredentials.ApiPassword)]);
    }

    [Fact]
    public async Task A_reconnect_session_keeps_the_old_credentials_exactly_when_the_new_ones_fail()
    {
        var original = await _db.ConnectAsync(Konnektive(endUserId: "user-1"));
        var id = original.ConnectionId!.Value;
        var created = await _db.CreateSessionAsync(new NewSession("user-1", ReconnectConnectionId: id));
        var before = await _db.RawConnectionRowsAsync();
        _db.Konnektive.Refuse(VerificationOutcome.InvalidCredentials);

        var result = await _db.ConnectAsync(Konnektive("Wrong-Password", "user-1", id) with { SessionId = created.Session.Id });

        Assert.Equal(ConnectStatus.NotVerified, result.Status);
        Assert.Equal(before, await _db.RawConnectionRowsAsync());
        Assert.Equal(KonnektivePassword, (await _db.Store.GetCredentialsAsync(id, default))![nameof(KonnektiveCredentials.ApiPassword)]);

        // Not used up: the person can try again with the right password.
        Assert.Equal(SessionStatus.Active, (await _db.FindSessionAsync(created.Token)).Status);
    }

    [Fact]
    public async Task A_reconnect_session_cannot_save_a_different_connection_than_the_one_it_names()
    {
        var mine = (await _db.ConnectAsync(Konnektive(endUserId: "user-1"))).ConnectionId!.Value;
        var created = await _db.CreateSessionAsync(new NewSession("user-1", ReconnectConnectionId: mine));

        var asNew = await _db.ConnectAsync(Konnektive(endUserId: "user-1") with { SessionId = created.Session.Id });

        Assert.Equal(ConnectStatus.SessionEnded, asNew.Status);
        Assert.Single(await _db.ConnectionRowsAsync());
    }

    [Fact]
    public async Task A_reconnect_session_whose_connection_was_deleted_ends_without_calling_the_provider()
    {
        var id = (await _db.ConnectAsync(Konnektive(endUserId: "user-1"))).ConnectionId!.Value;
        var created = await _db.CreateSessionAsync(new NewSession("user-1", ReconnectConnectionId: id));
        await _db.Store.DeleteAsync(id, default);

        var result = await _db.ConnectAsync(Konnektive("New-Password-1", "user-1", id) with { SessionId = created.Session.Id });

        Assert.Equal(ConnectStatus.SessionEnded, result.Status);
        Assert.Equal(SessionStatus.Unknown, result.SessionStatus);
        Assert.Equal(1, _db.Konnektive.Calls);
        Assert.Empty(await _db.ConnectionRowsAsync());
    }

    [Fact]
    public async Task Stored_verification_that_fails_changes_only_the_outcome_columns()
    {
        var id = (await _db.ConnectAsync(Konnektive(endUserId: "user-1"))).ConnectionId!.Value;
        var before = Assert.Single(await _db.ConnectionRowsAsync());
        _db.Konnektive.Refuse(VerificationOutcome.IpNotAllowed);

        await using var scope = _db.Services.CreateAsyncScope();
        var verification = await scope.ServiceProvider.GetRequiredService<IConnectionService>().VerifyStoredAsync(id, VerificationTrigger.OnRequest, default);

        Assert.Equal(VerificationOutcome.IpNotAllowed, verification!.Outcome);
        var after = Assert.Single(await _db.ConnectionRowsAsync());
        Assert.Equal(before.ProtectedCredentials, after.ProtectedCredentials);
        Assert.Equal(before.SettingsJson, after.SettingsJson);
        Assert.Equal(before.AccountLabel, after.AccountLabel);
        Assert.Equal(before.UpdatedAt, after.UpdatedAt);
        Assert.Equal(nameof(VerificationOutcome.IpNotAllowed), after.LastOutcome);
        Assert.Equal(verification.VerifiedAt, after.LastVerifiedAt);
        Assert.Equal(2, (await _db.AttemptRowsAsync()).Count(a => a.ConnectionId == id));
    }

    [Fact]
    public async Task Stored_verification_of_a_missing_connection_answers_null_and_calls_no_provider()
    {
        await using var scope = _db.Services.CreateAsyncScope();

        Assert.Null(await scope.ServiceProvider.GetRequiredService<IConnectionService>().VerifyStoredAsync(Guid.NewGuid(), VerificationTrigger.OnRequest, default));
        Assert.Equal(0, _db.Konnektive.Calls);
    }
}
