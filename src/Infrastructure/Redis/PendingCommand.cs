using System.Threading.Tasks.Sources;

namespace Voting.Infrastructure.Redis;

/// <summary>
/// A command written to a connection and waiting for its reply. It completes exactly once: with the reply,
/// or with a failure (timeout, cancellation, lost connection). A command that failed early keeps its place in the
/// FIFO queue, so the reply that still arrives for it is matched to it and dropped rather than to the next caller.
/// </summary>
internal abstract class PendingCommand
{
    private int _done;

    /// <summary>When the command times out, in <see cref="Environment.TickCount64"/> milliseconds.</summary>
    public long Deadline { get; init; } = long.MaxValue;

    public bool IsDone => Volatile.Read(ref _done) != 0;

    public void Complete(in RedisReply reply)
    {
        if (Interlocked.Exchange(ref _done, 1) == 0)
        {
            OnReply(reply);
        }
    }

    public void Fail(Exception exception)
    {
        if (Interlocked.Exchange(ref _done, 1) == 0)
        {
            OnFailure(exception);
        }
    }

    protected abstract void OnReply(in RedisReply reply);

    protected abstract void OnFailure(Exception exception);
}

/// <summary>A pending command whose reply is converted to <typeparamref name="T"/> on the reader as it arrives.</summary>
internal sealed class PendingCommand<T>(Func<RedisReply, T> convert) : PendingCommand, IValueTaskSource<T>
{
    // Continuations run on the thread pool, never on the connection's reader, so a slow caller cannot stall every other reply.
    private ManualResetValueTaskSourceCore<T> _core = new() { RunContinuationsAsynchronously = true };
    private CancellationTokenRegistration _cancellation;

    public ValueTask<T> Task => new(this, _core.Version);

    public void CancelWith(CancellationToken cancellationToken)
    {
        _cancellation = cancellationToken.UnsafeRegister(
            static (state, token) => ((PendingCommand<T>)state!).Fail(new OperationCanceledException(token)), this);
        if (IsDone)
        {
            _cancellation.Unregister();
        }
    }

    public T GetResult(short token) => _core.GetResult(token);

    public ValueTaskSourceStatus GetStatus(short token) => _core.GetStatus(token);

    public void OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _core.OnCompleted(continuation, state, token, flags);

    protected override void OnReply(in RedisReply reply)
    {
        _cancellation.Unregister();
        if (reply.Type == RedisReplyType.Error)
        {
            _core.SetException(RedisServerException.FromReply(reply.ErrorMessage));
            return;
        }

        T result;
        try
        {
            result = convert(reply);
        }
#pragma warning disable CA1031 // A reply of an unexpected shape is this caller's failure, never the reader's.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            _core.SetException(exception);
            return;
        }

        _core.SetResult(result);
    }

    protected override void OnFailure(Exception exception)
    {
        _cancellation.Unregister();
        _core.SetException(exception);
    }
}
