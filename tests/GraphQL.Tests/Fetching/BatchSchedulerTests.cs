using Voting.GraphQL.Fetching;

namespace Voting.GraphQL.Tests.Fetching;

public sealed class BatchSchedulerTests
{
    [ThreadStatic]
    private static bool t_insideLoad;

    private readonly BatchScheduler _scheduler = new();
    private readonly BatchLog<int> _log = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void A_new_scheduler_has_nothing_pending()
    {
        Assert.False(_scheduler.HasPending);
        Assert.False(_scheduler.WhenPending.IsCompleted);
    }

    [Fact]
    public void The_first_load_makes_keys_pending_and_completes_WhenPending()
    {
        var loader = TestLoaders.Values(_scheduler, _log);
        var whenPending = _scheduler.WhenPending;

        _ = loader.LoadAsync(1, Ct);

        Assert.True(_scheduler.HasPending);
        Assert.True(whenPending.IsCompletedSuccessfully);
        Assert.Same(whenPending, _scheduler.WhenPending);
    }

    [Fact]
    public async Task A_dispatch_empties_the_queue_and_gives_a_fresh_WhenPending()
    {
        var loader = TestLoaders.Values(_scheduler, _log);
        _ = loader.LoadAsync(1, Ct);
        var before = _scheduler.WhenPending;

        await _scheduler.DispatchAsync(Ct);

        Assert.False(_scheduler.HasPending);
        Assert.NotSame(before, _scheduler.WhenPending);
        Assert.False(_scheduler.WhenPending.IsCompleted);
        _ = loader.LoadAsync(2, Ct);
        Assert.True(_scheduler.WhenPending.IsCompleted);
    }

    [Fact]
    public async Task A_dispatch_with_nothing_pending_completes_at_once_and_keeps_WhenPending()
    {
        var whenPending = _scheduler.WhenPending;

        var dispatch = _scheduler.DispatchAsync(Ct);

        Assert.True(dispatch.IsCompletedSuccessfully);
        Assert.Same(whenPending, _scheduler.WhenPending);
        await dispatch;
    }

    [Fact]
    public async Task WhenPending_runs_its_continuations_asynchronously()
    {
        var loader = TestLoaders.Values(_scheduler, _log);
        var ranInsideLoad = _scheduler.WhenPending.ContinueWith(
            _ => t_insideLoad,
            Ct,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);

        t_insideLoad = true;
        _ = loader.LoadAsync(1, Ct);
        t_insideLoad = false;

        Assert.False(await ranInsideLoad);
    }

    [Fact]
    public async Task A_dispatch_runs_the_batches_of_all_loaders_concurrently_and_waits_for_all()
    {
        var gate = new TaskCompletionSource<IReadOnlyDictionary<int, string>>(TaskCreationOptions.RunContinuationsAsynchronously);
        var slow = new FuncBatchDataLoader<int, string>((_, _) => gate.Task, _scheduler);
        var fast = TestLoaders.Values(_scheduler, _log);
        var slowLoad = slow.LoadAsync(1, Ct);
        var fastLoad = fast.LoadAsync(2, Ct);

        var dispatch = _scheduler.DispatchAsync(Ct);

        // The second loader's batch started while the first one's is still running.
        Assert.Equal([[2]], _log.Batches);
        Assert.False(dispatch.IsCompleted);
        gate.SetResult(new Dictionary<int, string> { [1] = "slow" });
        await dispatch;
        Assert.True(slowLoad.IsCompletedSuccessfully);
        Assert.True(fastLoad.IsCompletedSuccessfully);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Loads_issued_by_the_continuations_of_completed_loads_are_queued_when_the_dispatch_returns(bool cancellable)
    {
        var token = cancellable ? Ct : CancellationToken.None;
        var parents = TestLoaders.Values(_scheduler, _log);
        var childLog = new BatchLog<int>();
        var children = TestLoaders.Values(_scheduler, childLog);

        async Task<string?> ResolveAsync(int key)
        {
            var parent = await parents.LoadAsync(key, token);
            return await children.LoadAsync(parent!.Length * 100, token);
        }

        await Task.Run(
            async () =>
            {
                var resolved = new[] { ResolveAsync(1), ResolveAsync(22) };
                await _scheduler.DispatchAsync(Ct);

                Assert.True(_scheduler.HasPending);
                Assert.Empty(childLog.Batches);
                await _scheduler.DispatchAsync(Ct);
                Assert.Equal([[200, 300]], childLog.Batches);
                Assert.Equal(["v200", "v300"], (await Task.WhenAll(resolved)).AsEnumerable());
            },
            Ct);
    }
}
