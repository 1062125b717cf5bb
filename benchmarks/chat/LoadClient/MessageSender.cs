using System.Collections.Concurrent;
using System.Globalization;
using Voting.Benchmarks.Votes;
using Voting.Benchmarks.WebSockets;

namespace Voting.Benchmarks.Chat;

/// <summary>
/// Posts <c>sendMessage</c> on a fixed schedule, message k at start + k / rate whether or not earlier ones
/// have been answered, alternating the instances and rotating over the senders (so that no sender goes over
/// the per-user send limit). Each text carries the time it was sent: "bench k sent UTC-ticks".
/// </summary>
internal sealed class MessageSender(GraphQLHttp[] instances, string room, IReadOnlyList<string> senderTokens, LatencyRecorder sendLatency)
{
    private const string Send = "mutation($input: SendMessageInput!) { sendMessage(input: $input) { sequence } }";

    private readonly ConcurrentDictionary<string, long> _errors = new(StringComparer.Ordinal);
    private readonly List<Task> _inFlight = [];
    private long _next;
    private long _maxSequence;
    private long _acknowledged;
    private long _acknowledgedInWindow;
    private long _sentInWindow;

    public long MaxSequence => Interlocked.Read(ref _maxSequence);

    public long AcknowledgedInWindow => Interlocked.Read(ref _acknowledgedInWindow);

    public long Sent => Interlocked.Read(ref _next);

    /// <summary>Messages sent in the measured window, answered or not: each should reach every subscriber.</summary>
    public long SentInWindow => Interlocked.Read(ref _sentInWindow);

    public long Acknowledged => Interlocked.Read(ref _acknowledged);

    public IReadOnlyDictionary<string, long> Errors => _errors;

    /// <summary>Sends at <paramref name="rate"/> per second for <paramref name="duration"/>, then waits for every answer.</summary>
    public async Task SendAsync(double rate, TimeSpan duration, CancellationToken cancellationToken)
    {
        var start = DateTime.UtcNow;
        var count = (long)Math.Round(rate * duration.TotalSeconds);
        for (long i = 0; i < count && !cancellationToken.IsCancellationRequested; i++)
        {
            var due = start + TimeSpan.FromSeconds(i / rate);
            var wait = due - DateTime.UtcNow;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
            }

            var k = Interlocked.Increment(ref _next);
            lock (_inFlight)
            {
                _inFlight.Add(Task.Run(() => SendOneAsync(k, cancellationToken), CancellationToken.None));
            }
        }

        Task[] pending;
        lock (_inFlight)
        {
            pending = [.. _inFlight];
            _inFlight.Clear();
        }

        await Task.WhenAll(pending).ConfigureAwait(false);
    }

    private async Task SendOneAsync(long k, CancellationToken cancellationToken)
    {
        var sentAt = DateTime.UtcNow.Ticks;
        if (sendLatency.InWindow(sentAt))
        {
            Interlocked.Increment(ref _sentInWindow);
        }

        var text = string.Create(CultureInfo.InvariantCulture, $"bench {k} sent {sentAt}");
        var body = GraphQLHttp.Body(Send, new { input = new { roomId = room, text, clientMessageId = string.Create(CultureInfo.InvariantCulture, $"b{k}") } });
        string? code;
        System.Text.Json.JsonElement data;
        try
        {
            (data, code) = await instances[k % instances.Length].PostAsync(body, senderTokens[(int)(k % senderTokens.Count)], cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            (data, code) = (default, e.GetType().Name);
        }

        var answeredAt = DateTime.UtcNow.Ticks;
        if (code is not null)
        {
            _errors.AddOrUpdate(code, 1, (_, n) => n + 1);
            return;
        }

        sendLatency.Record(sentAt, answeredAt);
        Interlocked.Increment(ref _acknowledged);
        if (sendLatency.InWindow(sentAt))
        {
            Interlocked.Increment(ref _acknowledgedInWindow);
        }

        var sequence = data.GetProperty("sendMessage").GetProperty("sequence").GetInt64();
        var max = Interlocked.Read(ref _maxSequence);
        while (sequence > max)
        {
            var seen = Interlocked.CompareExchange(ref _maxSequence, sequence, max);
            if (seen == max)
            {
                break;
            }

            max = seen;
        }
    }
}
