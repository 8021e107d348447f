using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace ConnectUi.Storage;

/// <summary>
/// The app's one database. Each area brings its own tables as <see cref="IConnectUiTable"/> configurations beside its
/// records (connections, sessions), so this context names none of them and every area depends on it, never the reverse.
/// </summary>
public sealed class ConnectUiDbContext(DbContextOptions<ConnectUiDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    /// <summary>Kept in the same database so every instance that shares it can decrypt what another saved.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ConnectUiDbContext).Assembly, type => type.IsAssignableTo(typeof(IConnectUiTable)));
}

/// <summary>Marks an entity configuration (an <see cref="IEntityTypeConfiguration{TEntity}"/>) as a table of <see cref="ConnectUiDbContext"/>.</summary>
public interface IConnectUiTable;
