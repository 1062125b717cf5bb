using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;

namespace Voting.Benchmarks.Votes;

/// <summary>
/// One HTTP/1.1 keep-alive connection with one request in flight (no pipelining), on a plain socket with
/// TCP_NODELAY, as lean as a wrk-style load generator: the answer lands in a buffer kept for the connection's
/// life, and only what an answer needs is read from it (<see cref="HttpAnswer"/>: the status, the framing
/// headers, the body). It connects again when the server closed the connection, or asked to.
/// </summary>
internal sealed class KeepAliveConnection(EndPoint server, TimeSpan timeout) : IDisposable
{
    private const string Closed = "NO_ANSWER_CLOSED";
    private const string Malformed = "NO_ANSWER_MALFORMED_HTTP";
    private const string TimedOut = "NO_ANSWER_TimedOut";

    private byte[] _buffer = new byte[4096];
    private Socket? _socket;
    private int _received;
    private bool _ended;
    private string? _failure;
    private HttpAnswer _answer;
    private long _chunked;
    private long _length;
    private long _close;
    private long _sentAt;
    private volatile bool _timedOut;

    /// <summary>How many connections were opened: the first one, then one per reconnection.</summary>
    public int Connects { get; private set; }

    /// <summary>How many <c>recv</c> calls the answers took: more than one per answer means the answer came in pieces.</summary>
    public long Receives { get; private set; }

    /// <summary>The answers framed by <c>Transfer-Encoding: chunked</c>, by <c>Content-Length</c>, and by the connection's end.</summary>
    public (long Chunked, long Length, long Close) Framings => (_chunked, _length, _close);

    /// <summary>The last answer's status code.</summary>
    public int Status => _answer.Status;

    /// <summary>The last answer's body, de-chunked. Valid until the next exchange.</summary>
    public ReadOnlySpan<byte> Body => _buffer.AsSpan(_answer.BodyAt, _answer.BodyLength);

    /// <summary>
    /// Sends <paramref name="request"/> and reads its answer: null when a full answer came (<see cref="Status"/>,
    /// <see cref="Body"/>), else why none did (the request may or may not have been acted on), and the
    /// connection is closed, to be opened again by the next exchange. Pooled state machines: no allocation.
    /// </summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<string?> ExchangeAsync(ReadOnlyMemory<byte> request)
    {
        if (_socket is null && await ConnectAsync().ConfigureAwait(false) is { } refused)
        {
            return refused;
        }

        Volatile.Write(ref _sentAt, Stopwatch.GetTimestamp());
        try
        {
            while (!request.IsEmpty)
            {
                request = request[await _socket!.SendAsync(request, SocketFlags.None).ConfigureAwait(false)..];
            }

            Start();
            do
            {
                var read = await _socket!.ReceiveAsync(_buffer.AsMemory(_received), SocketFlags.None).ConfigureAwait(false);
                if (Received(read))
                {
                    break;
                }
            }
            while (true);
        }
        catch (SocketException e)
        {
            return Fail(_timedOut ? TimedOut : NoAnswer(e.SocketErrorCode));
        }
        catch (ObjectDisposedException) when (_timedOut)
        {
            return Fail(TimedOut);
        }
        finally
        {
            Volatile.Write(ref _sentAt, 0);
        }

        return Finish();
    }

    /// <summary>
    /// Called now and then from another thread: closes the connection when its request has waited for longer than
    /// the time-out, which ends the exchange (async socket operations have no time-out of their own). A request
    /// sent just after the check and aborted with the old one only adds to the unanswered, which the audit allows for.
    /// </summary>
    public void AbortIfTimedOut(long now)
    {
        var sentAt = Volatile.Read(ref _sentAt);
        if (sentAt != 0 && Stopwatch.GetElapsedTime(sentAt, now) > timeout)
        {
            _timedOut = true;
            Volatile.Read(ref _socket)?.Dispose();
        }
    }

    public void Dispose() => Close();

    private async ValueTask<string?> ConnectAsync()
    {
        var socket = NewSocket();
        try
        {
            await socket.ConnectAsync(server).ConfigureAwait(false);
        }
        catch (SocketException e)
        {
            socket.Dispose();
            return NoAnswer(e.SocketErrorCode);
        }

        Connects++;
        _timedOut = false;
        Volatile.Write(ref _socket, socket);
        return null;
    }

    private Socket NewSocket() => new(server.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };

    private void Start()
    {
        _received = 0;
        _ended = false;
        _failure = null;
    }

    /// <summary>
    /// After one <c>recv</c>: whether the exchange is over, with a whole answer or a failure. When it is not,
    /// the buffer has room for the next <c>recv</c> at <see cref="_received"/>.
    /// </summary>
    private bool Received(int read)
    {
        Receives++;
        _received += read;
        _ended = read == 0;
        switch (HttpAnswer.TryRead(_buffer.AsSpan(0, _received), _ended, out _answer))
        {
            case HttpReadState.Complete:
                return true;
            case HttpReadState.Malformed:
                _failure = Malformed;
                return true;
            case HttpReadState.Incomplete when _ended:
                _failure = Closed;
                return true;
            case HttpReadState.Incomplete when _received == _buffer.Length:
                if (_buffer.Length >= HttpAnswer.MaxAnswerBytes)
                {
                    _failure = Malformed;
                    return true;
                }

                Array.Resize(ref _buffer, _buffer.Length * 2);
                return false;
            default:
                return false;
        }
    }

    private string? Finish()
    {
        if (_failure is not null)
        {
            return Fail(_failure);
        }

        switch (_answer.Framing)
        {
            case HttpFraming.Chunked:
                _chunked++;
                break;
            case HttpFraming.Length:
                _length++;
                break;
            default:
                _close++;
                break;
        }

        if (!_answer.KeepAlive)
        {
            Close();
        }

        return null;
    }

    private string Fail(string failure)
    {
        Close();
        return failure;
    }

    private void Close()
    {
        _socket?.Dispose();
        _socket = null;
    }

    private static string NoAnswer(SocketError error) => "NO_ANSWER_" + error;
}
