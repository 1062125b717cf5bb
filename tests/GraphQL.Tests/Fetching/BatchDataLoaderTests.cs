using System.Collections;
using System.Collections.Concurrent;
using Voting.GraphQL.Fetching;

namespace Voting.GraphQL.Tests.Fetching;

public sealed class BatchDataLoaderTests
{
    private readonly BatchScheduler _scheduler = new();
    private readonly BatchLog<int> _log = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Keys_asked_for_before_a_dispatch_are_fetched_in_one_batch()
    {
        var loader = TestLoaders.Values(_scheduler, _log);

        var one = loader.LoadAsync(1, Ct);
        var two = loader.LoadAsync(2, Ct);
        Assert.Empty(_log.Batches);
        await _scheduler.DispatchAsync(Ct);

        Assert.Equal("v1", await one);
        Assert.Equal("v2", await two);
        Assert.Equal([[1, 2]], _log.Batches);
    }

    [Fact]
    public async Task A_key_loaded_again_in_the_request_comes_from_the_cache()
    {
        var loader = TestLoaders.Values(_scheduler, _log);
        var first = loader.LoadAsync(1, Ct);
        await _scheduler.DispatchAsync(Ct);

        var again = loader.LoadAsync(1, Ct);

        Assert.True(again.IsCompletedSuccessfully);
        Assert.False(_scheduler.HasPending);
        Assert.Equal(await first, await again);
        Assert.Equal([[1]], _log.Batches);
    }

    [Fact]
    public async Task Duplicate_keys_in_one_batch_are_fetched_once()
    {
        var loader = TestLoaders.Values(_scheduler, _log);

        var loads = new[] { 1, 2, 1, 3, 2 }.Select(k => loader.LoadAsync(k, Ct)).ToArray();
        await _scheduler.DispatchAsync(Ct);

        Assert.Equal(["v1", "v2", "v1", "v3", "v2"], (await Task.WhenAll(loads)).AsEnumerable());
        Assert.Equal([[1, 2, 3]], _log.Batches);
    }

    [Fact]
    public async Task Without_caching_duplicates_in_one_batch_are_still_fetched_once_but_a_later_load_fetches_again()
    {
        var loader = TestLoaders.Values(_scheduler, _log, new DataLoaderOptions { Caching = false });

        var loads = new[] { 1, 2, 1 }.Select(k => loader.LoadAsync(k, Ct)).ToArray();
        await _scheduler.DispatchAsync(Ct);
        var later = loader.LoadAsync(1, Ct);
        Assert.True(_scheduler.HasPending);
        await _scheduler.DispatchAsync(Ct);

        Assert.Equal(["v1", "v2", "v1"], (await Task.WhenAll(loads)).AsEnumerable());
        Assert.Equal("v1", await later);
        Assert.Equal([[1, 2], [1]], _log.Batches);
    }

    [Fact]
    public async Task Keys_reach_the_batch_function_in_first_requested_order()
    {
        var loader = TestLoaders.Values(_scheduler, _log);

        foreach (var key in new[] { 5, 3, 9, 3, 1, 5 })
        {
            _ = loader.LoadAsync(key, Ct);
        }

        await _scheduler.DispatchAsync(Ct);

        Assert.Equal([[5, 3, 9, 1]], _log.Batches);
    }

    [Fact]
    public async Task MaxBatchSize_splits_a_batch_into_several_calls_in_key_order()
    {
        var loader = TestLoaders.Values(_scheduler, _log, new DataLoaderOptions { MaxBatchSize = 2 });

        var loads = Enumerable.Range(1, 5).Select(k => loader.LoadAsync(k, Ct)).ToArray();
        await _scheduler.DispatchAsync(Ct);

        Assert.Equal(["v1", "v2", "v3", "v4", "v5"], (await Task.WhenAll(loads)).AsEnumerable());
        Assert.Equal([[1, 2], [3, 4], [5]], _log.Batches);
    }

    [Fact]
    public async Task A_batch_function_that_throws_fails_every_waiting_load_with_its_exception()
    {
        var failure = new InvalidOperationException("database down");
        var loader = TestLoaders.Failing(_scheduler, _log, failure);

        var one = loader.LoadAsync(1, Ct);
        var two = loader.LoadAsync(2, CancellationToken.None);
        await _scheduler.DispatchAsync(Ct);

        Assert.Same(failure, await Assert.ThrowsAsync<InvalidOperationException>(() => one));
        Assert.Same(failure, await Assert.ThrowsAsync<InvalidOperationException>(() => two));
    }

    [Fact]
    public async Task A_batch_function_that_throws_before_its_first_await_fails_the_loads_too()
    {
        var failure = new InvalidOperationException("bad keys");
        var loader = new FuncBatchDataLoader<int, string>((_, _) => throw failure, _scheduler);

        var load = loader.LoadAsync(1, Ct);
        await _scheduler.DispatchAsync(Ct);

        Assert.Same(failure, await Assert.ThrowsAsync<InvalidOperationException>(() => load));
    }

    [Fact]
    public async Task A_failed_load_is_not_cached()
    {
        var calls = 0;
        var loader = new FuncBatchDataLoader<int, string>(
            async (keys, _) =>
            {
                _log.Add(keys);
                await Task.Yield();
                return ++calls == 1 ? throw new TimeoutException() : keys.ToDictionary(k => k, k => $"v{k}");
            },
            _scheduler);

        var failed = loader.LoadAsync(1, Ct);
        await _scheduler.DispatchAsync(Ct);
        await Assert.ThrowsAsync<TimeoutException>(() => failed);
        var retried = loader.LoadAsync(1, Ct);
        Assert.True(_scheduler.HasPending);
        await _scheduler.DispatchAsync(Ct);

        Assert.Equal("v1", await retried);
        Assert.Equal([[1], [1]], _log.Batches);
    }

    [Fact]
    public async Task A_key_missing_from_the_result_loads_to_null()
    {
        var loader = TestLoaders.Values(_scheduler, _log, missing: 2);

        var found = loader.LoadAsync(1, Ct);
        var missing = loader.LoadAsync(2, Ct);
        await _scheduler.DispatchAsync(Ct);

        Assert.Equal("v1", await found);
        Assert.Null(await missing);
    }

    [Fact]
    public async Task A_key_missing_from_the_result_loads_to_the_default_of_a_value_type()
    {
        var loader = new FuncBatchDataLoader<int, int>((keys, _) => Task.FromResult<IReadOnlyDictionary<int, int>>(new Dictionary<int, int> { [1] = 10 }), _scheduler);

        var found = loader.LoadAsync(1, Ct);
        var missing = loader.LoadAsync(2, Ct);
        await _scheduler.DispatchAsync(Ct);

        Assert.Equal(10, await found);
        Assert.Equal(0, await missing);
    }

    [Fact]
    public async Task Cancelling_one_waiter_does_not_cancel_the_batch()
    {
        var loader = TestLoaders.Values(_scheduler, _log);
        using var leaving = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        var cancelled = loader.LoadAsync(1, leaving.Token);
        var staying = loader.LoadAsync(1, Ct);
        var other = loader.LoadAsync(2, Ct);
        await leaving.CancelAsync();
        await _scheduler.DispatchAsync(Ct);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.True(cancelled.IsCanceled);
        Assert.Equal("v1", await staying);
        Assert.Equal("v2", await other);
        Assert.Equal([[1, 2]], _log.Batches);
    }

    [Fact]
    public async Task A_key_whose_only_waiter_left_is_still_fetched_and_cached()
    {
        var loader = TestLoaders.Values(_scheduler, _log);
        using var leaving = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        var cancelled = loader.LoadAsync(1, leaving.Token);
        await leaving.CancelAsync();
        await _scheduler.DispatchAsync(Ct);
        var later = loader.LoadAsync(1, Ct);

        Assert.True(cancelled.IsCanceled);
        Assert.True(later.IsCompletedSuccessfully);
        Assert.Equal("v1", await later);
        Assert.Equal([[1]], _log.Batches);
    }

    [Fact]
    public async Task A_load_with_a_cancelled_token_is_cancelled_and_queues_nothing()
    {
        var loader = TestLoaders.Values(_scheduler, _log);

        var load = loader.LoadAsync(1, new CancellationToken(canceled: true));
        var many = loader.LoadAsync([1, 2], new CancellationToken(canceled: true));

        Assert.True(load.IsCanceled);
        Assert.True(many.IsCanceled);
        Assert.False(_scheduler.HasPending);
        await _scheduler.DispatchAsync(Ct);
        Assert.Empty(_log.Batches);
    }

    [Fact]
    public async Task A_dispatch_with_a_cancelled_token_fails_the_waiting_loads_without_fetching()
    {
        var loader = TestLoaders.Values(_scheduler, _log);

        var load = loader.LoadAsync(1, Ct);
        await _scheduler.DispatchAsync(new CancellationToken(canceled: true));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => load);
        Assert.Empty(_log.Batches);
    }

    [Fact]
    public async Task The_batch_function_gets_the_token_of_the_dispatch()
    {
        using var request = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        CancellationToken given = default;
        var loader = new FuncBatchDataLoader<int, int>(
            (keys, token) =>
            {
                given = token;
                return Task.FromResult<IReadOnlyDictionary<int, int>>(keys.ToDictionary(k => k));
            },
            _scheduler);

        _ = loader.LoadAsync(1, Ct);
        await _scheduler.DispatchAsync(request.Token);

        Assert.Equal(request.Token, given);
    }

    [Fact]
    public async Task LoadAsync_of_many_keys_gives_their_values_in_the_keys_order()
    {
        var loader = TestLoaders.Values(_scheduler, _log, missing: 4);

        var values = loader.LoadAsync([3, 1, 3, 4], Ct);
        await _scheduler.DispatchAsync(Ct);

        Assert.Equal(["v3", "v1", "v3", null], await values);
        Assert.Equal([[3, 1, 4]], _log.Batches);
    }

    [Fact]
    public async Task LoadAsync_of_many_keys_fails_when_their_batch_fails()
    {
        var failure = new InvalidOperationException("database down");
        var loader = TestLoaders.Failing(_scheduler, _log, failure);

        var values = loader.LoadAsync([1, 2], Ct);
        await _scheduler.DispatchAsync(Ct);

        Assert.Same(failure, await Assert.ThrowsAsync<InvalidOperationException>(() => values));
    }

    [Fact]
    public async Task LoadAsync_of_no_keys_completes_at_once()
    {
        var loader = TestLoaders.Values(_scheduler, _log);

        var values = loader.LoadAsync([], Ct);

        Assert.Empty(await values);
        Assert.False(_scheduler.HasPending);
    }

    [Fact]
    public async Task Set_primes_the_cache_so_the_key_is_not_fetched()
    {
        var loader = TestLoaders.Values(_scheduler, _log);

        loader.Set(1, "primed");
        var load = loader.LoadAsync(1, Ct);

        Assert.True(load.IsCompletedSuccessfully);
        Assert.Equal("primed", await load);
        Assert.False(_scheduler.HasPending);
    }

    [Fact]
    public async Task Set_keeps_a_value_already_cached()
    {
        var loader = TestLoaders.Values(_scheduler, _log);
        _ = loader.LoadAsync(1, Ct);
        await _scheduler.DispatchAsync(Ct);

        loader.Set(1, "primed");

        Assert.Equal("v1", await loader.LoadAsync(1, Ct));
    }

    [Fact]
    public async Task Remove_makes_the_next_load_of_the_key_fetch_again()
    {
        var loader = TestLoaders.Values(_scheduler, _log);
        _ = loader.LoadAsync(1, Ct);
        _ = loader.LoadAsync(2, Ct);
        await _scheduler.DispatchAsync(Ct);

        loader.Remove(1);
        var reloaded = loader.LoadAsync(1, Ct);
        var cached = loader.LoadAsync(2, Ct);
        await _scheduler.DispatchAsync(Ct);

        Assert.Equal("v1", await reloaded);
        Assert.True(cached.IsCompletedSuccessfully);
        Assert.Equal([[1, 2], [1]], _log.Batches);
    }

    [Fact]
    public async Task Remove_then_Set_replaces_a_cached_value()
    {
        var loader = TestLoaders.Values(_scheduler, _log);
        _ = loader.LoadAsync(1, Ct);
        await _scheduler.DispatchAsync(Ct);

        loader.Remove(1);
        loader.Set(1, "updated");

        Assert.Equal("updated", await loader.LoadAsync(1, Ct));
    }

    [Fact]
    public async Task Clear_makes_every_key_fetch_again()
    {
        var loader = TestLoaders.Values(_scheduler, _log);
        _ = loader.LoadAsync([1, 2], Ct);
        await _scheduler.DispatchAsync(Ct);

        loader.Clear();
        var again = loader.LoadAsync([1, 2], Ct);
        await _scheduler.DispatchAsync(Ct);

        Assert.Equal(["v1", "v2"], await again);
        Assert.Equal([[1, 2], [1, 2]], _log.Batches);
    }

    [Fact]
    public async Task Without_caching_Set_is_ignored()
    {
        var loader = TestLoaders.Values(_scheduler, _log, new DataLoaderOptions { Caching = false });

        loader.Set(1, "primed");
        var load = loader.LoadAsync(1, Ct);
        await _scheduler.DispatchAsync(Ct);

        Assert.Equal("v1", await load);
    }

    [Fact]
    public async Task A_typed_key_comparer_decides_which_keys_are_the_same()
    {
        var log = new BatchLog<string>();
        var loader = new FuncBatchDataLoader<string, string>(
            (keys, _) =>
            {
                log.Add(keys);
                return Task.FromResult<IReadOnlyDictionary<string, string>>(keys.ToDictionary(k => k, k => k.ToUpperInvariant(), StringComparer.OrdinalIgnoreCase));
            },
            _scheduler,
            new DataLoaderOptions { KeyComparer = StringComparer.OrdinalIgnoreCase });

        var lower = loader.LoadAsync("abc", Ct);
        var upper = loader.LoadAsync("ABC", Ct);
        await _scheduler.DispatchAsync(Ct);

        Assert.Equal("ABC", await lower);
        Assert.Equal("ABC", await upper);
        Assert.Equal([["abc"]], log.Batches);
    }

    [Fact]
    public async Task An_untyped_key_comparer_decides_which_keys_are_the_same()
    {
        var loader = TestLoaders.Values(_scheduler, _log, new DataLoaderOptions { KeyComparer = new LastDigitComparer() });

        _ = loader.LoadAsync(1, Ct);
        var sameKey = loader.LoadAsync(11, Ct);
        _ = loader.LoadAsync(2, Ct);
        await _scheduler.DispatchAsync(Ct);

        Assert.Equal([[1, 2]], _log.Batches);
        Assert.Equal("v1", await sameKey);
    }

    [Fact]
    public void MaxBatchSize_below_one_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new DataLoaderOptions { MaxBatchSize = 0 });
    }

    [Fact]
    public async Task Loads_from_many_threads_fetch_each_key_once()
    {
        var loader = TestLoaders.Values(_scheduler, _log);
        var loads = new ConcurrentQueue<(int Key, Task<string?> Value)>();

        var issuing = Task.Run(() => Parallel.For(0, 4000, i => loads.Enqueue((i % 200, loader.LoadAsync(i % 200, Ct)))), Ct);
        var dispatching = Task.Run(
            async () =>
            {
                while (!issuing.IsCompleted || _scheduler.HasPending)
                {
                    if (_scheduler.HasPending)
                    {
                        await _scheduler.DispatchAsync(Ct);
                    }
                    else
                    {
                        await Task.WhenAny(issuing, _scheduler.WhenPending);
                    }
                }
            },
            Ct);
        await Task.WhenAll(issuing, dispatching);

        Assert.Equal(4000, loads.Count);
        foreach (var (key, value) in loads)
        {
            Assert.Equal($"v{key}", await value);
        }

        Assert.Equal(Enumerable.Range(0, 200), _log.Batches.SelectMany(b => b).Order());
    }

    /// <summary>Keys are the same when their last digits are: a non-generic comparer.</summary>
    private sealed class LastDigitComparer : IEqualityComparer
    {
        public new bool Equals(object? x, object? y) => (int)x! % 10 == (int)y! % 10;

        public int GetHashCode(object obj) => (int)obj % 10;
    }
}
