using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Voting.GraphQL.Errors;
using Voting.GraphQL.Server;

namespace Voting.GraphQL.Tests.Server;

/// <summary>Apollo's automatic persisted queries: <c>extensions.persistedQuery</c> version 1 with a SHA-256 hash.</summary>
public sealed class PersistedQueryTests
{
    private const string Query = "{ hello(name: \"APQ\") }";

    private static readonly string Hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Query)));

    private static object Extensions(string hash, int version = 1) => new { persistedQuery = new { version, sha256Hash = hash } };

    [Theory]
    [InlineData("application/json", HttpStatusCode.OK)]
    [InlineData("application/graphql-response+json", HttpStatusCode.BadRequest)]
    public async Task An_unknown_hash_gives_PersistedQueryNotFound(string accept, HttpStatusCode status)
    {
        await using var host = await GraphQLTestHost.StartAsync();

        using var response = await host.PostAsync(new { extensions = Extensions(Hash) }, accept);

        Assert.Equal(status, response.StatusCode);
        var json = await response.JsonAsync();
        Assert.Equal("PersistedQueryNotFound", json.GetProperty("errors")[0].GetProperty("message").GetString());
        Assert.Equal(ErrorCodes.PersistedQueryNotFound, json.FirstCode());
        Assert.False(json.TryGetProperty("data", out _));
    }

    [Fact]
    public async Task Hash_then_query_and_hash_then_hash_alone_runs_the_stored_query()
    {
        await using var host = await GraphQLTestHost.StartAsync();
        var store = (InMemoryPersistedQueryStore)host.Services.GetRequiredService<IPersistedQueryStore>();

        using (var miss = await host.PostAsync(new { extensions = Extensions(Hash) }))
        {
            Assert.Equal(ErrorCodes.PersistedQueryNotFound, (await miss.JsonAsync()).FirstCode());
        }

        using (var register = await host.PostAsync(new { query = Query, extensions = Extensions(Hash) }))
        {
            Assert.Equal("Hello, APQ!", (await register.JsonAsync()).GetProperty("data").GetProperty("hello").GetString());
        }

        Assert.Equal(1, store.Count);
        using var hit = await host.PostAsync(new { extensions = Extensions(Hash.ToUpperInvariant()) });
        Assert.Equal(HttpStatusCode.OK, hit.StatusCode);
        Assert.Equal("Hello, APQ!", (await hit.JsonAsync()).GetProperty("data").GetProperty("hello").GetString());
    }

    [Fact]
    public async Task A_hash_alone_is_found_in_the_store_after_its_document_left_the_cache()
    {
        await using var host = await GraphQLTestHost.StartAsync(s => s.ModifyOptions(o => o.DocumentCacheSize = 1));
        using (await host.PostAsync(new { query = Query, extensions = Extensions(Hash) }))
        {
        }

        using (await host.PostAsync(new { query = "{ answer }" }))
        {
        }

        Assert.False(host.Executor.Documents.TryGet(Hash, out _));
        using var hit = await host.GetAsync("/graphql?extensions=" + Uri.EscapeDataString($$$"""{"persistedQuery":{"version":1,"sha256Hash":"{{{Hash}}}"}}"""));

        Assert.Equal(HttpStatusCode.OK, hit.StatusCode);
        Assert.Equal("Hello, APQ!", (await hit.JsonAsync()).GetProperty("data").GetProperty("hello").GetString());
    }

    [Fact]
    public async Task A_query_that_does_not_hash_to_the_hash_gives_400_and_is_not_stored()
    {
        await using var host = await GraphQLTestHost.StartAsync();
        var store = (InMemoryPersistedQueryStore)host.Services.GetRequiredService<IPersistedQueryStore>();

        using var response = await host.PostAsync(new { query = "{ answer }", extensions = Extensions(Hash) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var json = await response.JsonAsync();
        Assert.Equal(ErrorCodes.PersistedQueryHashMismatch, json.FirstCode());
        Assert.Equal("provided sha does not match query", json.GetProperty("errors")[0].GetProperty("message").GetString());
        Assert.Equal(0, store.Count);
    }

    [Fact]
    public async Task A_query_that_does_not_validate_is_not_stored()
    {
        await using var host = await GraphQLTestHost.StartAsync();
        var store = (InMemoryPersistedQueryStore)host.Services.GetRequiredService<IPersistedQueryStore>();
        const string invalid = "{ nope }";
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(invalid)));

        using var response = await host.PostAsync(new { query = invalid, extensions = Extensions(hash) });

        Assert.Equal(ErrorCodes.ValidationFailed, (await response.JsonAsync()).FirstCode());
        Assert.Equal(0, store.Count);
    }

    [Theory]
    [InlineData("""{"extensions":{"persistedQuery":{"version":2,"sha256Hash":"abc"}}}""")]
    [InlineData("""{"extensions":{"persistedQuery":{"sha256Hash":"abc"}}}""")]
    [InlineData("""{"extensions":{"persistedQuery":{"version":1}}}""")]
    [InlineData("""{"extensions":{"persistedQuery":"abc"}}""")]
    public async Task A_malformed_persistedQuery_extension_gives_400(string body)
    {
        await using var host = await GraphQLTestHost.StartAsync();

        using var response = await host.PostRawAsync(body, "application/json");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(ErrorCodes.BadRequest, (await response.JsonAsync()).FirstCode());
    }

    [Fact]
    public async Task Another_store_can_take_the_in_memory_ones_place()
    {
        await using var host = await GraphQLTestHost.StartAsync(s => s.AddPersistedQueryStore<PreloadedStore>());

        using var response = await host.PostAsync(new { extensions = Extensions(PreloadedStore.AnswerHash) });

        Assert.Equal(42, (await response.JsonAsync()).GetProperty("data").GetProperty("answer").GetInt32());
    }

    [Fact]
    public async Task The_in_memory_store_is_bounded()
    {
        var store = new InMemoryPersistedQueryStore(2);
        var token = TestContext.Current.CancellationToken;

        await store.SaveAsync("a", "{ a }", token);
        await store.SaveAsync("b", "{ b }", token);
        await store.SaveAsync("c", "{ c }", token);

        Assert.Equal(2, store.Count);
        Assert.Null(await store.TryGetAsync("a", token));
        Assert.Equal("{ c }", await store.TryGetAsync("c", token));
    }

    private sealed class PreloadedStore : IPersistedQueryStore
    {
        public static readonly string AnswerHash = Convert.ToHexStringLower(SHA256.HashData("{ answer }"u8));

        public ValueTask<string?> TryGetAsync(string sha256Hash, CancellationToken cancellationToken) =>
            ValueTask.FromResult(sha256Hash == AnswerHash ? "{ answer }" : null);

        public ValueTask SaveAsync(string sha256Hash, string query, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
