using Microsoft.EntityFrameworkCore;

namespace ConnectUi.Storage;

/// <summary>
/// The same model on PostgreSQL. A type of its own because EF ties migrations and the model snapshot to a context type:
/// this one owns <c>Migrations/PostgreSql</c>, <see cref="ConnectUiDbContext"/> owns the SQLite ones beside it.
/// </summary>
public sealed class PostgreSqlConnectUiDbContext(DbContextOptions<PostgreSqlConnectUiDbContext> options) : ConnectUiDbContext(options);
