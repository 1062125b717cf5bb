using Microsoft.Data.Sqlite;
using Voting.Infrastructure.Persistence;

namespace Voting.Infrastructure.Tests.Support;

/// <summary>A fresh SQLite file in a temporary folder, as the embedded default uses.</summary>
public sealed class SqliteFixture : DatabaseFixture
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public override Task<string> CreateDatabaseAsync()
    {
        var path = Path.Combine(Path.GetTempPath(), "voting-tests", $"{Guid.NewGuid():N}.db");
        return Task.FromResult(new SqliteConnectionStringBuilder { DataSource = path, DefaultTimeout = 60 }.ConnectionString);
    }

    public override Task DropDatabaseAsync(string connectionString)
    {
        if (!string.IsNullOrEmpty(connectionString))
        {
            SqliteConnection.ClearAllPools();
            var path = new SqliteConnectionStringBuilder(connectionString).DataSource;
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            {
                File.Delete(file);
            }
        }

        return Task.CompletedTask;
    }
}
