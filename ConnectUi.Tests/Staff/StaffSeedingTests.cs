using ConnectUi.Staff;
using ConnectUi.Tests.HostApi;
using Microsoft.Extensions.DependencyInjection;

namespace ConnectUi.Tests.Staff;

/// <summary>The Development staff accounts, seeded by instances that start together on one empty database.</summary>
public sealed class StaffSeedingTests : IAsyncLifetime
{
    private readonly HostApiTestApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Instances_seeding_one_empty_database_at_once_all_start_and_leave_each_account_once()
    {
        // Four seeders at once, like instances started together: each sees no account, and their inserts collide.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => StaffServiceCollectionExtensions.SeedDevelopmentAccountsAsync(_app.Services))));

        await using var scope = _app.Services.CreateAsyncScope();
        var accounts = await scope.ServiceProvider.GetRequiredService<StaffAccounts>().ListAsync(CancellationToken.None);
        Assert.Equal(
            StaffServiceCollectionExtensions.DevelopmentAccounts.Select(a => (a.Email, a.Role)).Order(),
            accounts.Select(a => (a.Email, Role: Assert.Single(a.Roles))).Order());
    }
}
