using ConnectUi.Storage;
using Microsoft.EntityFrameworkCore;
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
            var applied = await db.Database.GetAppliedMigrationsAsync(cancellationToken);
            return applied.Any()
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("The database has no schema yet.");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The description is public on /health/ready: the exception goes to the log only.
            return HealthCheckResult.Unhealthy("The database cannot be read.", exception);
        }
    }
}
