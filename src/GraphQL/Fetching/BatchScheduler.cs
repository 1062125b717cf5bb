namespace Voting.GraphQL.Fetching;

/// <summary>
/// Decides when the loaders of one request fetch: loads only queue their keys, and the executor
/// calls <see cref="DispatchAsync"/> when it has nothing else to run, so every key that the
/// resolvers of one level of the query asked for goes into one batch. One per request.
/// </summary>
/// <remarks>
/// Waiting loads are completed with their continuations running synchronously, inside
/// <see cref="DispatchAsync"/>: a resolver that loads a parent and then its children has queued
/// the children's keys before the dispatch returns, so the number of batches depends on the depth
/// of the query, not on thread timing.
/// </remarks>
public sealed class BatchScheduler
{
    private readonly Lock _lock = new();
    private List<IBatchDispatcher> _pending = [];
    private TaskCompletionSource _whenPending = NewSignal();

    /// <summary>Whether some loader has keys waiting for a dispatch.</summary>
    public bool HasPending
    {
        get
        {
            lock (_lock)
            {
                return _pending.Count > 0;
            }
        }
    }

    /// <summary>
    /// Completes when <see cref="HasPending"/> turns true (at once if it is true); after a dispatch
    /// takes the pending batches it is a fresh task. Its continuations run asynchronously, so the
    /// load that completes it never runs the executor's loop inline.
    /// </summary>
    public Task WhenPending
    {
        get
        {
            lock (_lock)
            {
                return _whenPending.Task;
            }
        }
    }

    /// <summary>
    /// Fetches every pending batch of every loader, concurrently, and completes when all batch
    /// functions have finished and every waiting load has been completed. Loads issued while it
    /// runs (by the continuations of the loads it completes) wait for the next dispatch.
    /// </summary>
    /// <param name="cancellationToken">Given to the batch functions: the request's token.</param>
    public Task DispatchAsync(CancellationToken cancellationToken)
    {
        List<IBatchDispatcher> batches;
        lock (_lock)
        {
            if (_pending.Count == 0)
            {
                return Task.CompletedTask;
            }

            batches = _pending;
            _pending = [];
            _whenPending = NewSignal();
        }

        if (batches.Count == 1)
        {
            return batches[0].DispatchAsync(cancellationToken);
        }

        var running = new Task[batches.Count];
        for (var i = 0; i < running.Length; i++)
        {
            running[i] = batches[i].DispatchAsync(cancellationToken);
        }

        return Task.WhenAll(running);
    }

    /// <summary>Called by a loader when its batch gets its first key.</summary>
    internal void Schedule(IBatchDispatcher loader)
    {
        TaskCompletionSource? signal = null;
        lock (_lock)
        {
            _pending.Add(loader);
            if (_pending.Count == 1)
            {
                signal = _whenPending;
            }
        }

        signal?.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
