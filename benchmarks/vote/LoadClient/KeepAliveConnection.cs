using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Voting.Benchmarks.Votes;

/// <summary>
/// One HTTP/1.1 keep-alive connection with one request in flight (no pipelining), on a plain non-blocking
/// socket with TCP_NODELAY that an event loop watches (<see cref="Epoll"/>), as wrk's are: the answer lands in
/// a buffer kept for the connection's life, and only what an answer needs is read from it
/// (<see cref="HttpAnswer"/>: the status, the framing headers, the body). It connects again when the server
/// closed the connection, or asked to.
/// </summary>
internal sealed class KeepAliveConnection(EndPoint server, TimeSpan timeout, Epoll epoll, int id) : IDisposable
{
    private const string Closed = "NO_ANSWER_CLOSED";
    private const string Malformed = "NO_ANSWER_MALFORMED_HTTP";
    private const string TimedOut = "NO_ANSWER_TimedOut";

    private byte[] _buffer = new byte[4096];
    private Socket? _socket;
    private int _received;
    private HttpAnswer _answer;
    private long _chunked;
    private long _length;
    private long _close;

    /// <summary>The voter whose request is in flight.</summary>
    public long Voter { get; private set; }

    /// <summary>When the last request was sent (a <see cref="Stopwatch"/> timestamp).</summary>
    public long SentAt { get; private set; }

    /// <summary>Whether a request awaits its answer.</summary>
    public bool InFlight { get; private set; }

    /// <summary>How many connections were opened: the first one, then one per reconnection.</summary>
    public int Connects { get; private set; }

    /// <summary>How many <c>recv</c> calls the answers took: more than one per answer means the answer came in pieces.</summary>
    public long Receives { get; private set; }

    /// <summary>The answers framed by <c>Transfer-Encoding: chunked</c>, by <c>Content-Length</c>, and by the connection's end.</summary>
    public (long Chunked, long Length, long Close) Framings => (_chunked, _length, _close);

    /// <summary>The last answer's status code.</summary>
    public int Status => _answer.Status;

    /// <summary>The last answer's body, de-chunked. Valid until the next request.</summary>
    public ReadOnlySpan<byte> Body => _buffer.AsSpan(_answer.BodyAt, _answer.BodyLength);

    /// <summary>
    /// Sends voter <paramref name="voter"/>'s <paramref name="request"/>, connecting first if need be: null when
    /// it went (its answer is then awaited), else why not, and the connection is closed.
    /// </summary>
    public string? Send(long voter, ReadOnlySpan<byte> request)
    {
        Voter = voter;
        SentAt = Stopwatch.GetTimestamp();
        InFlight = true;
        _received = 0;
        if (_socket is null && Connect() is { } refused)
        {
            return Fail(refused);
        }

        var sent = _socket!.Send(request, SocketFlags.None, out var error);
        if (error == SocketError.WouldBlock || (error == SocketError.Success && sent < request.Length))
        {
            // The send buffer is full, which one small request on an idle connection never meets: wait for room
            // (at most the time-out, the socket's send time-out).
            _socket.Blocking = true;
            (sent, error) = (Math.Max(sent, 0), SocketError.Success);
            while (error == SocketError.Success && sent < request.Length)
            {
                sent += _socket.Send(request[sent..], SocketFlags.None, out error);
            }

            _socket.Blocking = false;
        }

        return error == SocketError.Success ? null : Fail(NoAnswer(error));
    }

    /// <summary>
    /// When the socket can be read: reads what came. False while the answer is incomplete; true when the exchange
    /// is over, with <paramref name="failure"/> null for a whole answer (<see cref="Status"/>, <see cref="Body"/>),
    /// else why none came (the request may or may not have been acted on) and the connection is closed.
    /// </summary>
    public bool TryReceive(out string? failure)
    {
        failure = null;
        if (_received == _buffer.Length)
        {
            if (_buffer.Length >= HttpAnswer.MaxAnswerBytes)
            {
                failure = Fail(Malformed);
                return true;
            }

            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        var read = _socket!.Receive(_buffer.AsSpan(_received), SocketFlags.None, out var error);
        Receives++;
        if (error == SocketError.WouldBlock)
        {
            return false;
        }

        if (error != SocketError.Success)
        {
            failure = Fail(NoAnswer(error));
            return true;
        }

        _received += read;
        var ended = read == 0;
        switch (HttpAnswer.TryRead(_buffer.AsSpan(0, _received), ended, out _answer))
        {
            case HttpReadState.Complete:
                Count(_answer.Framing);
                if (!_answer.KeepAlive)
                {
                    Close();
                }

                InFlight = false;
                return true;
            case HttpReadState.Malformed:
                failure = Fail(Malformed);
                return true;
            default:
                if (ended)
                {
                    failure = Fail(Closed);
                    return true;
                }

                return false;
        }
    }

    /// <summary>Whether the request in flight has waited for longer than the time-out at <paramref name="now"/>.</summary>
    public bool IsLate(long now) => InFlight && Stopwatch.GetElapsedTime(SentAt, now) > timeout;

    /// <summary>Gives up on the request in flight (late, or the run is cancelled): why, and the connection is closed.</summary>
    public string Abandon(bool late) => Fail(late ? TimedOut : "NO_ANSWER_Cancelled");

    public void Dispose() => Close();

    private string? Connect()
    {
        var socket = new Socket(server.AddressFamily, SocketType.Stream, ProtocolType.Tcp)
        {
            NoDelay = true,
            SendTimeout = (int)timeout.TotalMilliseconds,
        };
        try
        {
            // Blocking, from the event loop: only at start and after the server closed a connection.
            socket.Connect(server);
            socket.Blocking = false;
            epoll.Watch(socket, id);
        }
        catch (SocketException e)
        {
            socket.Dispose();
            return NoAnswer(e.SocketErrorCode);
        }

        Connects++;
        _socket = socket;
        return null;
    }

    private void Count(HttpFraming framing)
    {
        switch (framing)
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
    }

    private string Fail(string failure)
    {
        InFlight = false;
        Close();
        return failure;
    }

    private void Close()
    {
        if (_socket is not null)
        {
            epoll.Forget(_socket);
            _socket.Dispose();
            _socket = null;
        }
    }

    private static string NoAnswer(SocketError error) => "NO_ANSWER_" + error;
}
