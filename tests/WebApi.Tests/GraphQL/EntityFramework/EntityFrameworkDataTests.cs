using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Voting.GraphQL.Execution;
using Voting.GraphQL.Language;
using Voting.GraphQL.Types;
using Voting.GraphQL.Validation;
using Voting.Infrastructure.Persistence;
using Voting.WebApi.GraphQL.EntityFramework;
using Voting.WebApi.Tests.Support;

namespace Voting.WebApi.Tests.GraphQL.EntityFramework;

/// <summary>
/// [UseFiltering], [UseSorting] and [UsePaging] on a real database through the EF Core adapter: one
/// SQL query per page (two with totalCount), keyset pages over duplicate and null keys, and the
/// provider's case-insensitive comparison with LIKE wildcards in the client's text taken literally.
/// </summary>
public abstract class EntityFrameworkDataTests : IAsyncLifetime
{
    private static readonly Schema Schema = SchemaBuilder.New().AddQueryType<ArticleQuery>().Create();

    private readonly SqlCommandRecorder _counter = new();
    private ServiceProvider? _services;

    protected abstract DatabaseProvider Provider { get; }

    private static IEnumerable<Article> Seed() =>
    [
        new() { Title = "Hello World", Rank = 3, Score = 10 },
        new() { Title = "hello again", Rank = 1, Score = null },
        new() { Title = "50% off", Rank = 2, Score = 10 },
        new() { Title = "50 percent off", Rank = 2, Score = 7 },
        new() { Title = "a_b", Rank = 3, Score = null },
        new() { Title = "axb", Rank = 1, Score = 3 },
        new() { Title = "back\\slash", Rank = 2, Score = 10 },
        new() { Title = "backslash", Rank = 3, Score = 7 },
        new() { Title = "Zebra", Rank = 1, Score = null },
    ];

    public async ValueTask InitializeAsync()
    {
        var services = new ServiceCollection();
        var options = await ConfigureAsync().ConfigureAwait(false);
        services.AddDbContext<ArticleDbContext>(o => options(o.AddInterceptors(_counter)));
        services.AddGraphQLEntityFramework(Provider);
        _services = services.BuildServiceProvider();
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ArticleDbContext>();
        await db.Database.EnsureCreatedAsync(TestContext.Current.CancellationToken);
        db.Articles.AddRange(Seed());
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    public virtual async ValueTask DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Makes the database and says how to reach it.</summary>
    protected abstract Task<Action<DbContextOptionsBuilder>> ConfigureAsync();

    [Fact]
    public async Task Each_page_is_one_sql_query_and_the_pages_follow_the_order()
    {
        var all = await ListAsync("order: [{ rank: DESC }, { score: ASC }]", "id");
        var seen = new List<int>();
        string? after = null;
        do
        {
            _counter.Clear();
            var page = (await RunAsync($"{{ articles(first: 2, order: [{{ rank: DESC }}, {{ score: ASC }}]{(after is null ? string.Empty : $", after: \"{after}\"")}) {{ nodes {{ id }} pageInfo {{ hasNextPage endCursor }} }} }}")).GetProperty("articles");
            Assert.Single(_counter.Commands);
            seen.AddRange(page.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetInt32()));
            after = page.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean() ? page.GetProperty("pageInfo").GetProperty("endCursor").GetString() : null;
        }
        while (after is not null);

        Assert.Equal(9, seen.Count);
        Assert.Equal(all, seen.Cast<object>());
        Assert.Equal(
            Seed().Select((a, i) => (a, Id: i + 1)).OrderByDescending(x => x.a.Rank).ThenBy(x => x.a.Score is null ? 0 : 1).ThenBy(x => x.a.Score).ThenBy(x => x.Id).Select(x => x.Id),
            seen);
    }

    [Fact]
    public async Task Backward_pages_read_the_same_rows_from_the_end()
    {
        // Without paging nothing breaks ties, so name the tie-breaker paging adds (id ascending).
        var forward = await ListAsync("order: [{ score: DESC }, { id: ASC }]", "id");
        var seen = new List<int>();
        string? before = null;
        do
        {
            var page = (await RunAsync($"{{ articles(last: 4, order: [{{ score: DESC }}]{(before is null ? string.Empty : $", before: \"{before}\"")}) {{ nodes {{ id }} pageInfo {{ hasPreviousPage startCursor }} }} }}")).GetProperty("articles");
            seen.InsertRange(0, page.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetInt32()));
            before = page.GetProperty("pageInfo").GetProperty("hasPreviousPage").GetBoolean() ? page.GetProperty("pageInfo").GetProperty("startCursor").GetString() : null;
        }
        while (before is not null);

        Assert.Equal(forward, seen.Cast<object>());
    }

    [Fact]
    public async Task The_total_count_adds_one_count_query_only_when_selected()
    {
        _counter.Clear();
        var page = (await RunAsync("{ articles(first: 2, where: { rank: { eq: 2 } }) { totalCount nodes { id } } }")).GetProperty("articles");

        Assert.Equal(3, page.GetProperty("totalCount").GetInt32());
        Assert.Equal(2, _counter.Commands.Count);
        Assert.Contains(_counter.Commands, c => c.Contains("COUNT(*)", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("containsIgnoreCase: \"HELLO\"", new[] { "Hello World", "hello again" })]
    [InlineData("eqIgnoreCase: \"zebra\"", new[] { "Zebra" })]
    [InlineData("startsWithIgnoreCase: \"50%\"", new[] { "50% off" })]
    [InlineData("containsIgnoreCase: \"A_B\"", new[] { "a_b" })]
    [InlineData("endsWithIgnoreCase: \"K\\\\SLASH\"", new[] { "back\\slash" })]
    [InlineData("ncontainsIgnoreCase: \"O\"", new[] { "a_b", "axb", "back\\slash", "backslash", "Zebra" })]
    [InlineData("contains: \"Hello\"", new[] { "Hello World" })]
    public async Task Case_insensitive_filters_use_the_database_and_take_wildcards_literally(string operation, string[] expected)
    {
        _counter.Clear();
        var titles = await ListAsync($"where: {{ title: {{ {operation} }} }}, order: {{ id: ASC }}", "title");

        Assert.Equal(expected, titles.Select(t => t.ToString()));
        var sql = Assert.Single(_counter.Commands);
        if (operation.Contains("IgnoreCase", StringComparison.Ordinal))
        {
            Assert.Contains(Provider == DatabaseProvider.Postgres ? "ILIKE" : "lower(", sql, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_page_size_over_the_maximum_is_refused()
    {
        var document = Parser.Parse("{ articles(first: 21) { nodes { id } } }");
        var result = await ExecuteAsync(document);

        Assert.Equal("BAD_USER_INPUT", Assert.Single(result.Errors).Extensions?["code"]);
    }

    private async Task<List<object>> ListAsync(string arguments, string field)
    {
        var list = (await RunAsync($"{{ articleList({arguments}) {{ {field} }} }}")).GetProperty("articleList");
        return [.. list.EnumerateArray().Select(e => e.GetProperty(field)).Select(v => v.ValueKind == JsonValueKind.Number ? (object)v.GetInt32() : v.GetString()!)];
    }

    private async Task<JsonElement> RunAsync(string query)
    {
        var result = await ExecuteAsync(Parser.Parse(query));
        Assert.Empty(result.Errors);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            ExecutionResultWriter.Write(writer, result);
        }

        return JsonDocument.Parse(Encoding.UTF8.GetString(stream.ToArray())).RootElement.GetProperty("data").Clone();
    }

    private async Task<ExecutionResult> ExecuteAsync(Voting.GraphQL.Language.Ast.DocumentNode document)
    {
        Assert.Empty(DocumentValidator.Validate(Schema, document));
        await using var scope = _services!.CreateAsyncScope();
        return await Executor.ExecuteAsync(new ExecutionRequest { Schema = Schema, Document = document, Services = scope.ServiceProvider }, TestContext.Current.CancellationToken);
    }
}
