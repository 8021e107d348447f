using ConnectUi.Connections.Storage;

namespace ConnectUi.Cli;

/// <summary>
/// <c>migrate</c>: brings the configured database's schema up to date and exits, for operators who set
/// <c>ConnectUi:Database:MigrateOnStart=false</c> and run migrations as their own deployment step.
/// </summary>
public static class MigrateCommand
{
    public static async Task<int> RunAsync(WebApplication app, string[] arguments, TextWriter output, TextWriter error)
    {
        if (arguments.Length > 0)
        {
            await error.WriteLineAsync("Usage: dotnet ConnectUi.dll migrate   (takes no arguments; configure the database as for the app)");
            return 2;
        }

        var provider = ConnectUiDatabase.ProviderFrom(app.Configuration);
        try
        {
            var applied = await app.MigrateConnectUiDatabaseAsync(app.Lifetime.ApplicationStopping);
            await app.Services.EnsureDataProtectionKeyAsync(app.Lifetime.ApplicationStopping);
            await output.WriteLineAsync(applied.Count == 0
                ? $"{provider} database is up to date; no migration was pending."
                : $"{provider} database migrated: {string.Join(", ", applied)}.");
            return 0;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The message, not the stack: it names what failed (a refused connection, a missing database) without secrets.
            await error.WriteLineAsync($"Migrating the {provider} database failed: {exception.GetBaseException().Message}");
            return 1;
        }
    }
}
