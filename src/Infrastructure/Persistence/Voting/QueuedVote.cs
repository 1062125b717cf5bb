using Voting.Application.Abstractions;
using Voting.Domain.Ballots;

namespace Voting.Infrastructure.Persistence.Voting;

/// <summary>
/// A vote waiting in its election's queue, and the caller's handle on its outcome. Exactly one of
/// <see cref="TryTake"/> (the writer puts it in a batch) and <see cref="TryWithdraw"/> (the caller
/// gave up first) succeeds, so a withdrawn vote is never committed and a taken one always answered.
/// </summary>
internal sealed class QueuedVote(PendingVote vote)
{
    private const int Waiting = 0;
    private const int Taken = 1;
    private const int Withdrawn = 2;

    private readonly TaskCompletionSource<CastVoteResult> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _state;

    public PendingVote Vote { get; } = vote;

    public Task<CastVoteResult> Outcome => _outcome.Task;

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

    public void Succeed(CastVoteResult result) => _outcome.TrySetResult(result);

    public void Fail(Exception exception) => _outcome.TrySetException(exception);
}
