using System.Net;
using Voting.GraphQL.Errors;
using Voting.GraphQL.Server;

namespace Voting.GraphQL.Tests.Server;

/// <summary>Parsed and validated documents are reused by query hash, within a bounded cache.</summary>
public sealed class DocumentCacheTests
{
    [Fact]
    public async Task The_same_query_is_parsed_and_validated_once()
    {
        await using var host = await GraphQLTestHost.StartAsync();
        var cache = host.Executor.Documents;

        using (var first = await host.PostAsync(new { query = "{ answer }" }))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        using (var second = await host.PostAsync(new { query = "{ answer }" }))
        {
            Assert.Equal(42, (await second.JsonAsync()).GetProperty("data").GetProperty("answer").GetInt32());
        }

        Assert.Equal(1, cache.Misses);
        Assert.Equal(1, cache.Hits);
        Assert.Equal(1, cache.Count);
        Assert.True(cache.TryGet(QueryHash.Compute("{ answer }"), out var entry));
        Assert.Empty(entry.ValidationErrors!);
    }

    [Fact]
    public async Task Parse_and_validation_failures_are_cached_too_and_answer_the_same()
    {
        await using var host = await GraphQLTestHost.StartAsync();

        foreach (var query in new[] { "{", "{ nope }" })
        {
            using var first = await host.PostAsync(new { query });
            using var second = await host.PostAsync(new { query });
            Assert.Equal(await first.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), await second.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }

        Assert.Equal(2, host.Executor.Documents.Hits);
        Assert.Equal(2, host.Executor.Documents.Misses);
    }

    [Fact]
    public async Task A_cached_validation_error_keeps_its_code()
    {
        await using var host = await GraphQLTestHost.StartAsync();

        using var first = await host.PostAsync(new { query = "{ nope }" });
        using var second = await host.PostAsync(new { query = "{ nope }" });

        Assert.Equal(ErrorCodes.ValidationFailed, (await second.JsonAsync()).FirstCode());
    }

    [Fact]
    public async Task Unique_queries_replace_entries_but_never_grow_the_cache()
    {
        await using var host = await GraphQLTestHost.StartAsync(s => s.ModifyOptions(o => o.DocumentCacheSize = 3));

        for (var i = 0; i < 10; i++)
        {
            using var response = await host.PostAsync(new { query = $"{{ echo(value: {i}) }}" });
            Assert.Equal(i, (await response.JsonAsync()).GetProperty("data").GetProperty("echo").GetInt32());
        }

        Assert.Equal(3, host.Executor.Documents.Count);
        Assert.Equal(10, host.Executor.Documents.Misses);
    }
}
