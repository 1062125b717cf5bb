namespace Voting.Application.Common;

/// <summary>
/// Work waiting in a group-commit queue, and the caller's handle on its outcome. Exactly one of
/// <see cref="TryTake"/> (a batch takes it) and <see cref="TryWithdraw"/> (the caller gave up first)
/// succeeds, so withdrawn work is never committed and taken work is always answered.
/// </summary>
public abstract class QueuedOutcome<T>
{
    private const int Waiting = 0;
    private const int Taken = 1;
    private const int Withdrawn = 2;

    private readonly TaskCompletionSource<T> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _state;

    public Task<T> Outcome => _outcome.Task;

    public bool TryTake() => Interlocked.CompareExchange(ref _state, Taken, Waiting) == Waiting;

    public bool TryWithdraw(CancellationToken cancellationToken)
    {
        if (Interlocked.CompareExchange(ref _state, Withdrawn, Waiting) != Waiting)
        {
            return false;
        }

        _outcome.TrySetCanceled(cancellationToken);
        return true;
    }

    /// <summary>The outcome; <paramref name="cancellationToken"/> withdraws the work only while it still waits (once in a batch, its outcome is awaited).</summary>
    public async Task<T> WaitAsync(CancellationToken cancellationToken)
    {
        if (!cancellationToken.CanBeCanceled)
        {
            return await Outcome.ConfigureAwait(false);
        }

        using var registration = cancellationToken.Register(static (state, token) => ((QueuedOutcome<T>)state!).TryWithdraw(token), this);
        return await Outcome.ConfigureAwait(false);
    }

    public void Succeed(T result) => _outcome.TrySetResult(result);

    public void Fail(Exception exception) => _outcome.TrySetException(exception);
}
