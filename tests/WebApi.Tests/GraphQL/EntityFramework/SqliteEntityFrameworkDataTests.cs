using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Voting.Infrastructure.Persistence;

namespace Voting.WebApi.Tests.GraphQL.EntityFramework;

/// <summary>The EF Core data tests on an in-memory SQLite database (one open connection keeps it alive).</summary>
public sealed class SqliteEntityFrameworkDataTests : EntityFrameworkDataTests
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _connection.DisposeAsync();
    }

    protected override async Task<Action<DbContextOptionsBuilder>> ConfigureAsync()
    {
        await _connection.OpenAsync(TestContext.Current.CancellationToken);
        return options => options.UseSqlite(_connection);
    }
}
