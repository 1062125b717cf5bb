using System.Buffers.Text;
using System.Net.WebSockets;
using System.Text;
using Voting.Benchmarks.WebSockets;

namespace Voting.Benchmarks.Chat;

/// <summary>
/// One signed-in member's connection with one <c>roomEvents</c> subscription, read by one loop that stamps each
/// message's arrival first. It checks the room's sequence as it goes (each event must be the one after the last:
/// a jump is lost events, a repeat a duplicate, a step back out of order) and records send-to-receipt latency
/// from the send time the sender wrote into the text. Anything but a <c>next</c> with data ends it as a failure.
/// </summary>
internal sealed class RoomSubscriber
{
    private readonly TransportSocket _connection;
    private readonly LatencyRecorder _recorder;
    private readonly CancellationTokenSource _stop = new();
    private long _last = -1;
    private Task _loop = Task.CompletedTask;

    private RoomSubscriber(TransportSocket connection, LatencyRecorder recorder, int instance)
    {
        _connection = connection;
        _recorder = recorder;
        Instance = instance;
    }

    public int Instance { get; }

    /// <summary>The room sequence of the last event received; -1 before the first.</summary>
    public long Last => Interlocked.Read(ref _last);

    public long Received { get; private set; }

    public long Lost { get; private set; }

    public long Duplicated { get; private set; }

    public long OutOfOrder { get; private set; }

    /// <summary>Why the subscription ended early, or null while it lives.</summary>
    public string? Failure { get; private set; }

    public static async Task<RoomSubscriber> OpenAsync(
        Uri url, int instance, string token, string room, HttpMessageInvoker invoker, LatencyRecorder recorder, CancellationToken cancellationToken)
    {
        var connection = await TransportSocket.ConnectAsync(url, invoker, cancellationToken, Protocol.ConnectionInitWithToken(token)).ConfigureAwait(false);
        var subscribe = Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(new
        {
            id = "1",
            type = "subscribe",
            payload = new
            {
                query = "subscription($room: ID!) { roomEvents(roomId: $room) { sequence message { text } } }",
                variables = new { room },
            },
        }));
        await connection.SendAsync(subscribe, cancellationToken).ConfigureAwait(false);
        var subscriber = new RoomSubscriber(connection, recorder, instance);
        subscriber._loop = Task.Run(subscriber.ReceiveLoopAsync, CancellationToken.None);
        return subscriber;
    }

    public async Task CloseAsync()
    {
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
        if (type.SequenceEqual("next"u8) && !Protocol.HasErrors(json) && TryNumberAfter(json, "\"sequence\":"u8, out var sequence))
        {
            Received++;
            if (TrySentAt(json, out var sentAt))
            {
                _recorder.Record(sentAt, receivedAt);
            }

            var last = _last;
            if (last >= 0 && sequence != last + 1)
            {
                if (sequence == last)
                {
                    Duplicated++;
                    return true;
                }

                if (sequence < last)
                {
                    OutOfOrder++;
                    return true;
                }

                Lost += sequence - last - 1;
            }

            Interlocked.Exchange(ref _last, sequence);
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

    // The sender writes "bench <n> sent <UTC ticks>" (MessageSender.Text).
    private static bool TrySentAt(ReadOnlySpan<byte> json, out long sentAt)
    {
        sentAt = 0;
        var at = json.IndexOf("\"text\":\"bench "u8);
        if (at < 0)
        {
            return false;
        }

        var rest = json[(at + "\"text\":\"bench "u8.Length)..];
        var sent = rest.IndexOf(" sent "u8);
        return sent >= 0 && Utf8Parser.TryParse(rest[(sent + " sent "u8.Length)..], out sentAt, out _);
    }

    private static bool TryNumberAfter(ReadOnlySpan<byte> json, ReadOnlySpan<byte> name, out long value)
    {
        value = 0;
        var at = json.IndexOf(name);
        return at >= 0 && Utf8Parser.TryParse(json[(at + name.Length)..], out value, out _);
    }

    private void Fail(string what) => Failure ??= what;
}
