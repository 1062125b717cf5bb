using Npgsql;
using Voting.Infrastructure.Persistence;

namespace Voting.Infrastructure.Tests.Support;

/// <summary>A fresh database on the PostgreSQL server that ./test.sh starts (VOTING_TEST_POSTGRES).</summary>
public sealed class PostgresFixture : DatabaseFixture
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("VOTING_TEST_POSTGRES") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                "VOTING_TEST_POSTGRES is not set: run the suites through ./test.sh, which starts PostgreSQL on 127.0.0.1 and sets it.");

    public override async Task<string> CreateDatabaseAsync()
    {
        var name = $"voting_test_{Guid.NewGuid():N}";
        var connection = new NpgsqlConnection(ServerConnectionString);
        await using (connection.ConfigureAwait(false))
        {
            await connection.OpenAsync().ConfigureAwait(false);
            var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await using (command.ConfigureAwait(false))
            {
                await command.ExecuteNonQueryAsync().ConfigureAwait(false);
            }
        }

        return new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name, Timeout = 60, CommandTimeout = 60 }.ConnectionString;
    }

    public override async Task DropDatabaseAsync(string connectionString)
    {
        if (string.IsNullOrEmpty(connectionString))
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        var connection = new NpgsqlConnection(ServerConnectionString);
        await using (connection.ConfigureAwait(false))
        {
            await connection.OpenAsync().ConfigureAwait(false);
            var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await using (command.ConfigureAwait(false))
            {
                await command.ExecuteNonQueryAsync().ConfigureAwait(false);
            }
        }
    }
}
