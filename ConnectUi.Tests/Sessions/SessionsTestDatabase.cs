using ConnectUi.Connections.Storage;
using ConnectUi.Providers.Konnektive;
using ConnectUi.Sessions;
using ConnectUi.Storage;
using ConnectUi.Tests.Connections;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Hosting;

namespace ConnectUi.Tests.Sessions;

/// <summary>A <see cref="ConnectionsTestDatabase"/> with the real session registration, and the session calls tests make on it.</summary>
public static class SessionsTestDatabase
{
    public static Task<ConnectionsTestDatabase> CreateAsync() => ConnectionsTestDatabase.CreateAsync(services =>
    {
        services.AddSingleton(KonnektiveProvider.Definition);
        services.AddSessions(new ConfigurationBuilder().Build(), new HostingEnvironment { EnvironmentName = Environments.Production });
    });

    public static Task<CreatedSession> CreateSessionAsync(this ConnectionsTestDatabase db, NewSession request) =>
        db.WithSessionsAsync(sessions => sessions.CreateAsync(request, default));

    public static Task<SessionLookup> FindSessionAsync(this ConnectionsTestDatabase db, string? token) =>
        db.WithSessionsAsync(sessions => sessions.FindAsync(token, default));

    public static Task<int> DeleteExpiredSessionsAsync(this ConnectionsTestDatabase db) =>
        db.WithSessionsAsync(sessions => sessions.DeleteExpiredAsync(default));

    public static async Task<List<ConnectSessionRecord>> SessionRowsAsync(this ConnectionsTestDatabase db)
    {
        await using var context = await db.Services.GetRequiredService<IDbContextFactory<ConnectUiDbContext>>().CreateDbContextAsync();
        return await context.ConnectSessions.AsNoTracking().ToListAsync();
    }

    private static async Task<T> WithSessionsAsync<T>(this ConnectionsTestDatabase db, Func<ISessionService, Task<T>> call)
    {
        await using var scope = db.Services.CreateAsyncScope();
        return await call(scope.ServiceProvider.GetRequiredService<ISessionService>());
    }
}
