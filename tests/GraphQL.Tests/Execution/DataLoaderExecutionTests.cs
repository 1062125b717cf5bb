using Voting.GraphQL.Fetching;
using Voting.GraphQL.Types;

namespace Voting.GraphQL.Tests.Execution;

/// <summary>The executor dispatches loaders when its queue drains: one batch per loader per level of the query.</summary>
public sealed class DataLoaderExecutionTests
{
    private const string Sdl = """
        type Query { elections: [Election!]! }
        type Election { id: ID! candidates: [Candidate!]! }
        type Candidate { id: ID! party: Party }
        type Party { name: String! }
        """;

    private sealed class Counters
    {
        public List<int> CandidateBatches { get; } = [];

        public List<int> PartyBatches { get; } = [];
    }

    private static Schema BuildSchema(Counters counters, bool asyncBatches) => SchemaBuilder.FromSdl(Sdl)
        .BindResolver("Query", "elections", async _ =>
        {
            await Task.Delay(1).ConfigureAwait(false);
            return Enumerable.Range(1, 20).Select(i => (object?)$"e{i}").ToList();
        })
        .BindResolver("Election", "id", c => new(c.Parent))
        .BindResolver("Election", "candidates", async c =>
        {
            var loader = c.DataLoaders.GetOrCreate("candidates", scheduler => new FuncGroupedDataLoader<string, string>(
                async (keys, token) =>
                {
                    lock (counters)
                    {
                        counters.CandidateBatches.Add(keys.Count);
                    }

                    if (asyncBatches)
                    {
                        await Task.Delay(1, token).ConfigureAwait(false);
                    }

                    return keys.SelectMany(k => new[] { (k, $"{k}-a"), (k, $"{k}-b") }).ToLookup(p => p.k, p => p.Item2);
                },
                scheduler));
            return await loader.LoadAsync((string)c.Parent!, c.CancellationToken).ConfigureAwait(false);
        })
        .BindResolver("Candidate", "id", c => new(c.Parent))
        .BindResolver("Candidate", "party", async c =>
        {
            var loader = c.DataLoaders.GetOrCreate("parties", scheduler => new FuncBatchDataLoader<string, string>(
                async (keys, token) =>
                {
                    lock (counters)
                    {
                        counters.PartyBatches.Add(keys.Count);
                    }

                    if (asyncBatches)
                    {
                        await Task.Yield();
                    }

                    return keys.ToDictionary(k => k, k => "party of " + k);
                },
                scheduler));
            var name = await loader.LoadAsync((string)c.Parent!, c.CancellationToken).ConfigureAwait(false);
            return new Dictionary<string, object?> { ["name"] = name };
        })
        .Create();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Twenty_elections_with_candidates_and_parties_take_one_batch_per_loader(bool asyncBatches)
    {
        var counters = new Counters();

        var json = await ExecutorTests.ExecuteAsync(BuildSchema(counters, asyncBatches), "{ elections { id candidates { id party { name } } } }");

        Assert.Equal([20], counters.CandidateBatches);
        Assert.Equal([40], counters.PartyBatches);
        Assert.StartsWith("""{"data":{"elections":[{"id":"e1","candidates":[{"id":"e1-a","party":{"name":"party of e1-a"}},""", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Batching_stays_the_same_over_many_runs()
    {
        for (var run = 0; run < 20; run++)
        {
            var counters = new Counters();

            await ExecutorTests.ExecuteAsync(BuildSchema(counters, asyncBatches: true), "{ a: elections { candidates { party { name } } } b: elections { id } }");

            Assert.Equal([20], counters.CandidateBatches);
            Assert.Equal([40], counters.PartyBatches);
        }
    }
}
