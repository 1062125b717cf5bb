namespace Voting.Infrastructure.Scheduling;

/// <summary>Wakes the scheduler before its next poll when an election's times may have come nearer (one was scheduled or opened).</summary>
internal sealed class SchedulerSignal
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
                // Already signalled.
            }
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}
