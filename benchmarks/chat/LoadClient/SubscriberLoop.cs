namespace Voting.Benchmarks.Chat;

/// <summary>
/// One thread around epoll that opens and then reads a share of the subscribers, as wrk's event loop: no receive
/// loop per subscriber to wake (the runtime's WebSocket and socket engine cost several µs of CPU per delivery in
/// their tasks, queues and continuations, CPU that the servers measured beside it lose), only one <c>recv</c> per
/// readable socket into one buffer. At most <see cref="OpeningAtOnce"/> subscribers open at a time, as many as
/// the server's accept backlog takes without a retried SYN.
/// </summary>
internal sealed class SubscriberLoop
{
    private const int OpeningAtOnce = 64;
    private const long OpenLimitMs = 30_000;

    private readonly RoomSubscriber[] _subscribers;
    private readonly TaskCompletionSource _opened = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _running;
    private volatile bool _stopping;
    private long _wakeups;
    private long _reads;

    public SubscriberLoop(RoomSubscriber[] subscribers)
    {
        _subscribers = subscribers;
        _running = Task.Factory.StartNew(Run, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>Completes when every subscriber has sent its <c>subscribe</c> or failed to open.</summary>
    public Task Opened => _opened.Task;

    /// <summary>How often epoll woke the loop with sockets to read, and how many reads it made.</summary>
    public (long Wakeups, long Reads) Counts => (Volatile.Read(ref _wakeups), Volatile.Read(ref _reads));

    /// <summary>Ends the loop; every connection still open is closed (a close frame, then the socket).</summary>
    public Task StopAsync()
    {
        _stopping = true;
        return _running;
    }

    private void Run()
    {
        using var epoll = new Epoll(1024);
        var ready = new int[1024];
        var buffer = new byte[65536];
        var next = 0;
        var opening = 0;
        var lastCheck = Environment.TickCount64;
        try
        {
            while (!_stopping)
            {
                for (; next < _subscribers.Length && opening < OpeningAtOnce; next++)
                {
                    _subscribers[next].Open(epoll, next);
                    opening += _subscribers[next].Opening ? 1 : 0;
                }

                var count = epoll.Wait(ready, opening > 0 ? 10 : 100);
                Volatile.Write(ref _wakeups, _wakeups + (count > 0 ? 1 : 0));
                Volatile.Write(ref _reads, _reads + count);
                for (var i = 0; i < count; i++)
                {
                    var subscriber = _subscribers[ready[i]];
                    var wasOpening = subscriber.Opening;
                    subscriber.OnReadable(ref buffer);
                    opening -= wasOpening && !subscriber.Opening ? 1 : 0;
                }

                var now = Environment.TickCount64;
                if (now - lastCheck >= 100 && opening > 0)
                {
                    lastCheck = now;
                    foreach (var subscriber in _subscribers.AsSpan(0, next))
                    {
                        var wasOpening = subscriber.Opening;
                        subscriber.CheckOpening(now, OpenLimitMs);
                        opening -= wasOpening && !subscriber.Opening ? 1 : 0;
                    }
                }

                if (next == _subscribers.Length && opening == 0)
                {
                    _opened.TrySetResult();
                }
            }
        }
        catch (Exception e)
        {
            _opened.TrySetException(e);
            throw;
        }
        finally
        {
            foreach (var subscriber in _subscribers)
            {
                subscriber.Close();
            }

            _opened.TrySetCanceled();
        }
    }
}
