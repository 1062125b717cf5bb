using Voting.GraphQL.Fetching;

namespace Voting.GraphQL.Tests.Fetching;

public sealed class GroupedDataLoaderTests
{
    private static readonly (int Election, string Candidate)[] Candidates =
        [(1, "Ada"), (2, "Grace"), (1, "Alan"), (3, "Edsger"), (1, "Barbara")];

    private readonly BatchScheduler _scheduler = new();
    private readonly BatchLog<int> _log = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Each_key_loads_to_its_group_in_the_lookups_order()
    {
        var loader = CandidatesByElection();

        var first = loader.LoadAsync(1, Ct);
        var second = loader.LoadAsync(2, Ct);
        await _scheduler.DispatchAsync(Ct);

        Assert.Equal(["Ada", "Alan", "Barbara"], await first);
        Assert.Equal(["Grace"], await second);
        Assert.Equal([[1, 2]], _log.Batches);
    }

    [Fact]
    public async Task A_key_without_values_loads_to_an_empty_array()
    {
        var loader = CandidatesByElection();

        var none = loader.LoadAsync(9, Ct);
        await _scheduler.DispatchAsync(Ct);

        Assert.Empty(await none);
    }

    [Fact]
    public async Task Duplicate_keys_are_fetched_once_and_cached()
    {
        var loader = CandidatesByElection();

        var many = loader.LoadAsync([3, 1, 3], Ct);
        await _scheduler.DispatchAsync(Ct);
        var again = loader.LoadAsync(1, Ct);

        Assert.Equal([["Edsger"], ["Ada", "Alan", "Barbara"], ["Edsger"]], await many);
        Assert.True(again.IsCompletedSuccessfully);
        Assert.Equal([[3, 1]], _log.Batches);
    }

    [Fact]
    public async Task MaxBatchSize_splits_the_keys()
    {
        var loader = CandidatesByElection(new DataLoaderOptions { MaxBatchSize = 2 });

        var all = loader.LoadAsync([1, 2, 3], Ct);
        await _scheduler.DispatchAsync(Ct);

        Assert.Equal([3, 1, 1], (await all).Select(group => group.Length));
        Assert.Equal([[1, 2], [3]], _log.Batches);
    }

    [Fact]
    public async Task A_batch_function_that_throws_fails_every_waiting_load_and_is_not_cached()
    {
        var failure = new InvalidOperationException("database down");
        var calls = 0;
        var loader = new FuncGroupedDataLoader<int, string>(
            async (keys, _) =>
            {
                await Task.Yield();
                return ++calls == 1 ? throw failure : keys.ToLookup(k => k, k => $"c{k}");
            },
            _scheduler);

        var one = loader.LoadAsync(1, Ct);
        var two = loader.LoadAsync(2, Ct);
        await _scheduler.DispatchAsync(Ct);
        var retried = loader.LoadAsync(1, Ct);
        await _scheduler.DispatchAsync(Ct);

        Assert.Same(failure, await Assert.ThrowsAsync<InvalidOperationException>(() => one));
        Assert.Same(failure, await Assert.ThrowsAsync<InvalidOperationException>(() => two));
        Assert.Equal(["c1"], await retried);
        Assert.Equal(2, calls);
    }

    private FuncGroupedDataLoader<int, string> CandidatesByElection(DataLoaderOptions? options = null) =>
        new(
            async (keys, _) =>
            {
                _log.Add(keys);
                await Task.Yield();
                return Candidates.Where(c => keys.Contains(c.Election)).ToLookup(c => c.Election, c => c.Candidate);
            },
            _scheduler,
            options);
}
