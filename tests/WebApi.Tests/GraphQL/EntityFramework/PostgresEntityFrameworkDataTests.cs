using Microsoft.EntityFrameworkCore;
using Npgsql;
using Voting.Infrastructure.Persistence;

namespace Voting.WebApi.Tests.GraphQL.EntityFramework;

/// <summary>
/// The EF Core data tests on a fresh database of the PostgreSQL server that ./test.sh starts
/// (VOTING_TEST_POSTGRES), plus ILIKE's folding of non-ASCII letters, which SQLite does not do.
/// </summary>
[Trait("Database", "PostgreSQL")]
public sealed class PostgresEntityFrameworkDataTests : EntityFrameworkDataTests
{
    private string? _database;

    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;

    private static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("VOTING_TEST_POSTGRES") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException("VOTING_TEST_POSTGRES is not set: run the suites through ./test.sh, which starts PostgreSQL on 127.0.0.1 and sets it.");

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_database is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)");
        }
    }

    [Fact]
    public async Task Ilike_folds_letters_beyond_ascii()
    {
        var options = new DbContextOptionsBuilder<ArticleDbContext>().UseNpgsql(ConnectionString()).Options;
        await using (var db = new ArticleDbContext(options))
        {
            db.Articles.Add(new Article { Title = "ÉCOLE", Rank = 1 });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await using var context = new ArticleDbContext(options);
        var translator = new Voting.WebApi.GraphQL.EntityFramework.PostgresCaseInsensitiveStringTranslator();
        var article = System.Linq.Expressions.Expression.Parameter(typeof(Article), "a");
        var condition = System.Linq.Expressions.Expression.Lambda<Func<Article, bool>>(
            translator.Translate(System.Linq.Expressions.Expression.Property(article, nameof(Article.Title)), Voting.GraphQL.Data.StringMatch.StartsWith, "éc"),
            article);

        var titles = await context.Articles.Where(condition).Select(a => a.Title).ToListAsync(TestContext.Current.CancellationToken);

        Assert.Equal(["ÉCOLE"], titles);
    }

    protected override async Task<Action<DbContextOptionsBuilder>> ConfigureAsync()
    {
        _database = $"voting_data_test_{Guid.NewGuid():N}";
        await ExecuteOnServerAsync($"CREATE DATABASE \"{_database}\" ENCODING 'UTF8' LC_CTYPE 'C.UTF-8' LC_COLLATE 'C.UTF-8' TEMPLATE template0");
        var connectionString = ConnectionString();
        return options => options.UseNpgsql(connectionString);
    }

    private string ConnectionString() => new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = _database }.ConnectionString;

    private static async Task ExecuteOnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }
}
