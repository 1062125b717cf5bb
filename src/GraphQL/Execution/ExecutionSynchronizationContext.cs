namespace Voting.GraphQL.Execution;

/// <summary>
/// The executor's own work queue (HotChocolate's execution queue, graphql-js's microtask queue):
/// while a request runs, every continuation of the executor's awaits is posted here and run one at
/// a time by the request's loop. So the executor's steps never run concurrently with each other,
/// and the loop knows exactly when nothing of the request is left to run; that is when the
/// DataLoader batches are dispatched, which makes batching depend on the query, not on timing.
/// Resolvers that use <c>ConfigureAwait(false)</c> still run their own code on the thread pool.
/// </summary>
internal sealed class ExecutionSynchronizationContext : SynchronizationContext
{
    private readonly Lock _gate = new();
    private readonly Queue<(SendOrPostCallback Callback, object? State)> _queue = new();
    private TaskCompletionSource? _posted;

    public override void Post(SendOrPostCallback d, object? state)
    {
        TaskCompletionSource? posted;
        lock (_gate)
        {
            _queue.Enqueue((d, state));
            posted = _posted;
            _posted = null;
        }

        posted?.TrySetResult();
    }

    public override void Send(SendOrPostCallback d, object? state) => d(state);

    public override SynchronizationContext CreateCopy() => this;

    /// <summary>Completes when something is posted (at once if something is waiting).</summary>
    public Task WhenPosted()
    {
        lock (_gate)
        {
            if (_queue.Count > 0)
            {
                return Task.CompletedTask;
            }

            _posted ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _posted.Task;
        }
    }

    /// <summary>Runs what was posted, and what that posts in turn, until the queue is empty.</summary>
    public void RunPending()
    {
        while (true)
        {
            (SendOrPostCallback Callback, object? State) item;
            lock (_gate)
            {
                if (!_queue.TryDequeue(out item))
                {
                    return;
                }
            }

            Run(item.Callback, item.State);
        }
    }

    /// <summary>Runs <paramref name="callback"/> with this context current, so its awaits come back here.</summary>
    public void Run(SendOrPostCallback callback, object? state)
    {
        var previous = Current;
        SetSynchronizationContext(this);
        try
        {
            callback(state);
        }
        finally
        {
            SetSynchronizationContext(previous);
        }
    }
}
