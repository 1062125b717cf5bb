using Npgsql;

namespace Voting.WebApi.Tests.Support;

/// <summary>An empty PostgreSQL database of the test's own on the server ./test.sh starts (VOTING_TEST_POSTGRES), dropped afterwards.</summary>
public sealed class PostgresTestDatabase : IAsyncDisposable
{
    private readonly string _name = $"voting_webapi_test_{Guid.NewGuid():N}";

    private PostgresTestDatabase()
    {
    }

    public string ConnectionString => new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = _name }.ConnectionString;

    private static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("VOTING_TEST_POSTGRES") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException("VOTING_TEST_POSTGRES is not set: run the suites through ./test.sh, which starts PostgreSQL on 127.0.0.1 and sets it.");

    public static async Task<PostgresTestDatabase> CreateAsync()
    {
        var database = new PostgresTestDatabase();
        await ExecuteAsync($"CREATE DATABASE \"{database._name}\" ENCODING 'UTF8' LC_CTYPE 'C.UTF-8' LC_COLLATE 'C.UTF-8' TEMPLATE template0");
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)");
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
