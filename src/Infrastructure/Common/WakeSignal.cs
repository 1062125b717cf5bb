namespace Voting.Infrastructure.Common;

/// <summary>
/// Wakes a polling background service before its next poll: any number of notifications before it
/// waits again count as one. Each service has its own subclass, so each is its own singleton.
/// </summary>
internal abstract class WakeSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        if (_signal.CurrentCount == 0)
        {
            try
            {
                _signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already signalled since the service last woke.
            }
        }
    }

    /// <summary>Waits for a notification or the timeout; true when notified.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}
