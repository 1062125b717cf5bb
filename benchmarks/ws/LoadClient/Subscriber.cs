using System.Net.WebSockets;

namespace Voting.Benchmarks.WebSockets;

/// <summary>
/// One subscriber: its own connection with one <c>announcements</c> subscription, read by one loop that
/// stamps each message's arrival before anything else and records publish-to-receipt latency from the
/// server's <c>publishedAt</c>. Anything but a <c>next</c> with data ends it as a failure.
/// </summary>
internal sealed class Subscriber
{
    private readonly TransportSocket _connection;
    private readonly LatencyRecorder _recorder;
    private readonly Failures _failures;
    private readonly CancellationTokenSource _stop = new();
    private long _received;
    private volatile bool _alive = true;
    private Task _loop = Task.CompletedTask;

    private Subscriber(TransportSocket connection, LatencyRecorder recorder, Failures failures)
    {
        _connection = connection;
        _recorder = recorder;
        _failures = failures;
    }

    public bool Alive => _alive;

    public long Received => Interlocked.Read(ref _received);

    public static async Task<Subscriber> OpenAsync(Uri url, HttpMessageInvoker invoker, LatencyRecorder recorder, Failures failures, CancellationToken cancellationToken)
    {
        var connection = await TransportSocket.ConnectAsync(url, invoker, cancellationToken).ConfigureAwait(false);
        await connection.SendAsync(Protocol.Subscribe.ToArray(), cancellationToken).ConfigureAwait(false);
        var subscriber = new Subscriber(connection, recorder, failures);
        subscriber._loop = Task.Run(subscriber.ReceiveLoopAsync, CancellationToken.None);
        return subscriber;
    }

    public async Task CloseAsync()
    {
        _alive = false;
        await _stop.CancelAsync().ConfigureAwait(false);
        await _connection.CloseAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task ReceiveLoopAsync()
    {
        try
        {
            while (await _connection.ReceiveAsync(_stop.Token).ConfigureAwait(false) is { } message)
            {
                var receivedAt = DateTime.UtcNow.Ticks;
                if (!await HandleAsync(message, receivedAt).ConfigureAwait(false))
                {
                    return;
                }
            }

            Fail("the server closed the connection");
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            if (!_stop.IsCancellationRequested)
            {
                Fail($"the connection broke: {e.Message}");
            }
        }
    }

    private async ValueTask<bool> HandleAsync(ReadOnlyMemory<byte> message, long receivedAt)
    {
        var json = message.Span;
        var type = Protocol.Type(json);
        if (type.SequenceEqual("next"u8) && !Protocol.HasErrors(json) && Protocol.TryParseUtcTicks(Protocol.PublishedAt(json), out var publishedAt))
        {
            Interlocked.Increment(ref _received);
            _recorder.Record(publishedAt, receivedAt);
            return true;
        }

        if (type.SequenceEqual("ping"u8))
        {
            await _connection.SendAsync(Protocol.Pong.ToArray(), _stop.Token).ConfigureAwait(false);
            return true;
        }

        if (type.SequenceEqual("pong"u8))
        {
            return true;
        }

        Fail(Protocol.Show(json));
        return false;
    }

    private void Fail(string what)
    {
        if (_alive)
        {
            _alive = false;
            _failures.Add(what);
        }
    }
}
