using ConnectUi.Cli;

namespace ConnectUi.Storage;

/// <summary>
/// <c>migrate</c>: brings the configured database's schema up to date and exits, for operators who set
/// <c>ConnectUi:Database:MigrateOnStart=false</c> and run migrations as their own deployment step.
/// </summary>
public sealed class MigrateCommand : ICliCommand
{
    public string Name => "migrate";

    public string Summary => "apply pending database migrations (SQLite or PostgreSQL, as configured) and exit";

    public IReadOnlyList<CliOption> Options => [];

    public async Task<int> RunAsync(CliInvocation invocation, CancellationToken cancellationToken)
    {
        var provider = ConnectUiDatabase.ProviderFrom(invocation.Services.GetRequiredService<IConfiguration>());
        try
        {
            var applied = await invocation.Services.MigrateConnectUiDatabaseAsync(cancellationToken);
            await invocation.Services.EnsureDataProtectionKeyAsync(cancellationToken);
            await invocation.Out.WriteLineAsync(applied.Count == 0
                ? $"{provider} database is up to date; no migration was pending."
                : $"{provider} database migrated: {string.Join(", ", applied)}.");
            return CliExitCode.Success;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The message, not the stack: it names what failed (a refused connection, a missing database) without secrets.
            return invocation.Fail($"migrating the {provider} database failed: {exception.GetBaseException().Message}");
        }
    }
}
