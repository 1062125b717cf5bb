namespace Voting.GraphQL.Execution;

/// <summary>
/// The time limit of a subscription's events: one linked token source whose timer is re-armed for each
/// event, instead of a new source and timer per event. Events of one subscription run one at a time,
/// so one source serves them all; after a timeout (the source cancelled) a fresh one takes over.
/// </summary>
internal sealed class RenewableTimeout(CancellationToken outer) : IDisposable
{
    private CancellationTokenSource _source = CancellationTokenSource.CreateLinkedTokenSource(outer);

    /// <summary>Starts the limit for one event; its token cancels at the limit or with <c>outer</c>.</summary>
    public CancellationToken Arm(TimeSpan limit)
    {
        _source.CancelAfter(limit);
        return _source.Token;
    }

    /// <summary>Stops the limit after the event (and drops what the event left registered).</summary>
    public void Disarm()
    {
        if (!_source.TryReset())
        {
            _source.Dispose();
            _source = CancellationTokenSource.CreateLinkedTokenSource(outer);
        }
    }

    public void Dispose() => _source.Dispose();
}
