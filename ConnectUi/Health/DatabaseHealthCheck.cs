using ConnectUi.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ConnectUi.Health;

/// <summary>Ready when the database opens and holds our schema: a query on the migrations table, not just a file that exists.</summary>
public sealed class DatabaseHealthCheck(IDbContextFactory<ConnectUiDbContext> dbContextFactory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await dbContextFactory.CreateDbContextAsync(cancellationToken);
            // A database without the history table has no schema; asking for the history would log a failed query.
            var applied = await db.GetService<IHistoryRepository>().ExistsAsync(cancellationToken)
                ? await db.Database.GetAppliedMigrationsAsync(cancellationToken)
                : [];
            if (!applied.Any())
            {
                return HealthCheckResult.Unhealthy("The database has no schema yet.");
            }

            // With MigrateOnStart off, an instance of a newer version waits here until an operator runs `migrate`.
            var pending = db.Database.GetMigrations().Except(applied).Count();
            return pending == 0
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"The database schema is behind this version ({pending} migrations pending): run migrate.");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The description is public on /health/ready: the exception goes to the log only.
            return HealthCheckResult.Unhealthy("The database cannot be read.", exception);
        }
    }
}
