using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ConnectUi.Connections.Storage;

/// <summary>
/// The same model on PostgreSQL. A type of its own because EF ties migrations and the model snapshot to a context type:
/// this one owns <c>Migrations/PostgreSql</c>, <see cref="ConnectUiDbContext"/> owns the SQLite ones beside it.
/// </summary>
public sealed class PostgreSqlConnectUiDbContext(DbContextOptions<PostgreSqlConnectUiDbContext> options) : ConnectUiDbContext(options);

/// <summary>Lets <c>dotnet ef migrations add</c> build the PostgreSQL model without a server (scripts/add-migration.sh).</summary>
public sealed class PostgreSqlConnectUiDbContextDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlConnectUiDbContext>
{
    public PostgreSqlConnectUiDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlConnectUiDbContext>()
            .UseNpgsql("Host=localhost;Database=connectui_design_time")
            .Options);
}
