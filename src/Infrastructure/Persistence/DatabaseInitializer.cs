using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Voting.Infrastructure.Persistence;

/// <summary>Brings the database to the current schema: creates it if missing and applies pending migrations in order.</summary>
public static class DatabaseInitializer
{
    public static async Task MigrateDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        var scope = services.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            var options = Current(scope.ServiceProvider);
            if (options.Provider == DatabaseProvider.Sqlite)
            {
                EnsureSqliteDirectory(options.ConnectionString);
            }

            var db = scope.ServiceProvider.GetRequiredService<VotingDbContext>();
            await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
            if (db.Database.IsSqlite())
            {
                // Write-ahead logging lets readers run beside the one writer; it is a property of the file.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Creates the folder of a SQLite file so that a fresh checkout runs without setup.</summary>
    internal static void EnsureSqliteDirectory(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(dataSource) || dataSource == ":memory:" || dataSource.StartsWith("file:", StringComparison.Ordinal))
        {
            return;
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
    }

    internal static DatabaseOptions Current(IServiceProvider services) => services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
}
