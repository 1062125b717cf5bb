using System.Diagnostics;
using System.Net.WebSockets;

namespace Voting.Benchmarks.WebSockets;

/// <summary>
/// Publishes <c>announce</c> mutations at a fixed rate over one extra graphql-transport-ws connection
/// (the same path for both servers, and one socket is far from busy at a few hundred mutations a
/// second). It does not wait for answers before the next send: the schedule is kept even when the
/// server slows down. Answers count the events published inside the recorder's window.
/// </summary>
internal sealed class Publisher
{
    private readonly TransportSocket _connection;
    private readonly LatencyRecorder _recorder;
    private readonly Failures _failures;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly byte[] _message = new byte[256];
    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;
    private long _next;
    private long _sent;
    private long _answered;
    private long _publishedInWindow;

    private Publisher(TransportSocket connection, LatencyRecorder recorder, Failures failures)
    {
        _connection = connection;
        _recorder = recorder;
        _failures = failures;
    }

    /// <summary>Mutations sent and not yet completed.</summary>
    public long Pending => Interlocked.Read(ref _sent) - Interlocked.Read(ref _answered);

    /// <summary>Events whose publishedAt fell inside the recorder's window.</summary>
    public long PublishedInWindow => Interlocked.Read(ref _publishedInWindow);

    /// <summary>Opens the publisher's connection; <paramref name="token"/>, when given, goes in its <c>connection_init</c> (announce needs an official).</summary>
    public static async Task<Publisher> OpenAsync(Uri url, HttpMessageInvoker invoker, LatencyRecorder recorder, Failures failures, string? token, CancellationToken cancellationToken)
    {
        var init = string.IsNullOrEmpty(token) ? null : Protocol.ConnectionInitWithToken(token);
        var connection = await TransportSocket.ConnectAsync(url, invoker, cancellationToken, init).ConfigureAwait(false);
        var publisher = new Publisher(connection, recorder, failures);
        publisher._loop = Task.Run(publisher.ReceiveLoopAsync, CancellationToken.None);
        return publisher;
    }

    public void ResetWindowCount() => Interlocked.Exchange(ref _publishedInWindow, 0);

    /// <summary>Sends <paramref name="rate"/> mutations a second for <paramref name="length"/>; when late it catches up at once.</summary>
    public async Task PublishAsync(double rate, TimeSpan length, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        for (long i = 0; ; i++)
        {
            var due = TimeSpan.FromSeconds(i / rate);
            if (due >= length)
            {
                return;
            }

            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
            }

            await PublishOneAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task PublishOneAsync(CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var length = Protocol.WriteAnnounce(_message, ++_next);
            Interlocked.Increment(ref _sent);
            await _connection.SendAsync(_message.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Waits until every mutation sent has its answer, at most <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitAnsweredAsync(TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (Pending > 0)
        {
            if (clock.Elapsed > timeout)
            {
                return false;
            }

            await Task.Delay(10).ConfigureAwait(false);
        }

        return true;
    }

    public async Task CloseAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _connection.CloseAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _stop.Dispose();
        _sendLock.Dispose();
    }

    private async Task ReceiveLoopAsync()
    {
        try
        {
            while (await _connection.ReceiveAsync(_stop.Token).ConfigureAwait(false) is { } message)
            {
                Handle(message.Span);
                if (Protocol.Type(message.Span).SequenceEqual("ping"u8))
                {
                    await _sendLock.WaitAsync(_stop.Token).ConfigureAwait(false);
                    try
                    {
                        await _connection.SendAsync(Protocol.Pong.ToArray(), _stop.Token).ConfigureAwait(false);
                    }
                    finally
                    {
                        _sendLock.Release();
                    }
                }
            }

            _failures.Add("the server closed the publisher's connection");
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            if (!_stop.IsCancellationRequested)
            {
                _failures.Add($"the publisher's connection broke: {e.Message}");
            }
        }
    }

    private void Handle(ReadOnlySpan<byte> json)
    {
        var type = Protocol.Type(json);
        if (type.SequenceEqual("next"u8))
        {
            if (Protocol.HasErrors(json) || !Protocol.TryParseUtcTicks(Protocol.PublishedAt(json), out var publishedAt))
            {
                _failures.Add($"publish: {Protocol.Show(json)}");
            }
            else if (_recorder.InWindow(publishedAt))
            {
                Interlocked.Increment(ref _publishedInWindow);
            }
        }
        else if (type.SequenceEqual("complete"u8))
        {
            Interlocked.Increment(ref _answered);
        }
        else if (type.SequenceEqual("error"u8))
        {
            // An error message ends the operation too.
            Interlocked.Increment(ref _answered);
            _failures.Add($"publish: {Protocol.Show(json)}");
        }
    }
}
