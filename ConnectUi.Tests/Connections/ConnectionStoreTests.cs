using System.Security.Cryptography;
using ConnectUi.Connections;
using ConnectUi.Providers.ConnectWisePsa;
using ConnectUi.Providers.Konnektive;
using static ConnectUi.Tests.Connections.TestCredentials;

namespace ConnectUi.Tests.Connections;

public sealed class ConnectionStoreTests : IAsyncLifetime
{
    private ConnectionsTestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await ConnectionsTestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Lists_an_end_users_connections_oldest_first_optionally_by_provider()
    {
        var konnektive = await _db.ConnectAsync(Konnektive());
        _db.Time.Advance(TimeSpan.FromMinutes(1));
        var connectWise = await _db.ConnectAsync(ConnectWise());
        await _db.ConnectAsync(Konnektive(endUserId: "user-2"));
        var anonymous = await _db.ConnectAsync(Konnektive(endUserId: null));

        var all = await _db.Store.ListAsync("user-1", providerId: null, default);
        var onlyConnectWise = await _db.Store.ListAsync("user-1", ConnectWisePsaProvider.Id, default);
        var withoutEndUser = await _db.Store.ListAsync(endUserId: null, providerId: null, default);

        Assert.Equal([konnektive.ConnectionId!.Value, connectWise.ConnectionId!.Value], all.Select(c => c.Id));
        Assert.Equal(connectWise.ConnectionId, Assert.Single(onlyConnectWise).Id);
        Assert.Equal(anonymous.ConnectionId, Assert.Single(withoutEndUser).Id);
        Assert.All(all, c => Assert.DoesNotContain(c.Settings.Values, v => Secrets.Contains(v)));
    }

    [Fact]
    public async Task Unknown_ids_find_nothing()
    {
        Assert.Null(await _db.Store.FindAsync(Guid.NewGuid(), default));
        Assert.Null(await _db.Store.GetCredentialsAsync(Guid.NewGuid(), default));
        Assert.False(await _db.Store.DeleteAsync(Guid.NewGuid(), default));
    }

    [Fact]
    public async Task Delete_removes_the_connection_and_keeps_its_attempts_for_support()
    {
        var saved = await _db.ConnectAsync(Konnektive());

        Assert.True(await _db.Store.DeleteAsync(saved.ConnectionId!.Value, default));

        Assert.Null(await _db.Store.FindAsync(saved.ConnectionId.Value, default));
        Assert.Empty(await _db.ConnectionRowsAsync());
        Assert.Equal(saved.ConnectionId, Assert.Single(await _db.AttemptRowsAsync()).ConnectionId);
    }

    [Fact]
    public async Task Encrypted_credentials_copied_onto_another_connection_do_not_decrypt()
    {
        var victim = await _db.ConnectAsync(Konnektive(endUserId: "user-1"));
        var attacker = await _db.ConnectAsync(Konnektive(password: "Kp-attacker-SECRET", endUserId: "user-2"));

        await _db.ExecuteAsync($"""
            UPDATE Connections SET ProtectedCredentials =
                (SELECT ProtectedCredentials FROM Connections WHERE Id = '{victim.ConnectionId!.Value.ToString().ToUpperInvariant()}')
            WHERE Id = '{attacker.ConnectionId!.Value.ToString().ToUpperInvariant()}';
            """);

        await Assert.ThrowsAnyAsync<CryptographicException>(() => _db.Store.GetCredentialsAsync(attacker.ConnectionId.Value, default));
        Assert.Equal(KonnektivePassword, (await _db.Store.GetCredentialsAsync(victim.ConnectionId.Value, default))!["ApiPassword"]);
        Assert.Equal(KonnektiveProvider.Id, (await _db.Store.FindAsync(victim.ConnectionId.Value, default))!.ProviderId);
    }
}
