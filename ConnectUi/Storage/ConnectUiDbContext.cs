using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace ConnectUi.Storage;

/// <summary>
/// The app's one database. Each area brings its own tables as <see cref="IConnectUiTable"/> configurations beside its
/// records (connections, sessions, journeys), so this context names none of them and every area depends on it, never
/// the reverse. The one exception is the staff accounts: ASP.NET Core Identity's stores need its context as the base.
/// The SQLite migrations belong to this type; <see cref="PostgreSqlConnectUiDbContext"/> carries the PostgreSQL ones.
/// </summary>
public class ConnectUiDbContext : IdentityDbContext<StaffUser, IdentityRole, string>, IDataProtectionKeyContext
{
    public ConnectUiDbContext(DbContextOptions<ConnectUiDbContext> options)
        : base(options)
    {
    }

    /// <summary>For a provider's own context type, so EF finds that provider's migrations and snapshot.</summary>
    protected ConnectUiDbContext(DbContextOptions options)
        : base(options)
    {
    }

    /// <summary>Kept in the same database so every instance that shares it can decrypt what another saved.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // Identity's tables (staff accounts, roles, claims) first: the areas' configurations may refine them.
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ConnectUiDbContext).Assembly, type => type.IsAssignableTo(typeof(IConnectUiTable)));
    }
}

/// <summary>Marks an entity configuration (an <see cref="IEntityTypeConfiguration{TEntity}"/>) as a table of <see cref="ConnectUiDbContext"/>.</summary>
public interface IConnectUiTable;
