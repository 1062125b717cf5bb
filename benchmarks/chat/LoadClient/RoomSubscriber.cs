using System.Buffers.Text;
using System.Net;
using System.Net.Sockets;
using Voting.Benchmarks.WebSockets;

namespace Voting.Benchmarks.Chat;

/// <summary>
/// One signed-in member's connection with one <c>roomEvents</c> subscription, on a plain non-blocking socket that
/// an event loop watches (<see cref="SubscriberLoop"/>). It opens in steps as the server answers: the WebSocket
/// upgrade (<see cref="Upgrade"/>), <c>connection_init</c> with the token until <c>connection_ack</c>, then
/// <c>subscribe</c>. After that each read is stamped with its arrival first, and the server's frames are read
/// straight from the loop's buffer (<see cref="WebSocketFrames"/>). It checks the room's sequence as it goes (each
/// event must be the one after the last: a jump is lost events, a repeat a duplicate, a step back out of order) and
/// records send-to-receipt latency from the send time the sender wrote into the text. Anything but a <c>next</c>
/// with data ends it as a failure.
/// </summary>
internal sealed class RoomSubscriber(Uri url, EndPoint server, int instance, byte[] init, byte[] subscribe, LatencyRecorder recorder)
{
    private static readonly byte[] PongMessage = WebSocketFrames.Client(WebSocketFrames.Text, Protocol.Pong);

    // Status 1000, normal closure (RFC 6455 section 7.4.1).
    private static readonly byte[] CloseFrame = WebSocketFrames.Client(WebSocketFrames.Close, [0x03, 0xE8]);

    private readonly Upgrade _upgrade = new(url);
    private Epoll? _epoll;
    private Socket? _socket;
    private Stage _stage;
    private long _openedAt;

    // The start of a frame that a read cut short, kept until the rest comes.
    private byte[] _carried = [];
    private int _carriedLength;

    // The frames of a fragmented message so far.
    private byte[] _message = [];
    private int _messageLength;
    private bool _inMessage;

    private long _last = -1;
    private volatile string? _failure;

    private enum Stage
    {
        NotOpened,
        Upgrading,
        Initialising,
        Subscribed,
        Ended,
    }

    public int Instance => instance;

    /// <summary>The room sequence of the last event received; -1 before the first.</summary>
    public long Last => Interlocked.Read(ref _last);

    public long Received { get; private set; }

    public long Lost { get; private set; }

    public long Duplicated { get; private set; }

    public long OutOfOrder { get; private set; }

    /// <summary>Why the subscription ended early, or null while it lives.</summary>
    public string? Failure => _failure;

    /// <summary>Why the connection could not be opened and subscribed, or null.</summary>
    public string? OpenFailure { get; private set; }

    /// <summary>Whether it is between its connect and its <c>subscribe</c>.</summary>
    public bool Opening => _stage is Stage.Upgrading or Stage.Initialising;

    /// <summary>Connects (blocking: on loopback the server's backlog answers at once) and asks to upgrade; the loop reports it as <paramref name="id"/>.</summary>
    public void Open(Epoll epoll, int id)
    {
        (_epoll, _openedAt) = (epoll, Environment.TickCount64);
        var socket = new Socket(server.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true, SendTimeout = 30_000 };
        try
        {
            socket.Connect(server);
            socket.Blocking = false;
        }
        catch (SocketException e)
        {
            socket.Dispose();
            OpenFailure = $"connect: {e.Message}";
            _stage = Stage.Ended;
            return;
        }

        _socket = socket;
        _stage = Stage.Upgrading;
        epoll.Watch(socket, id);
        Send(_upgrade.Request);
    }

    /// <summary>Gives up on an open that has taken longer than <paramref name="limitMs"/>.</summary>
    public void CheckOpening(long now, long limitMs)
    {
        if (Opening && now - _openedAt > limitMs)
        {
            End($"no connection_ack within {limitMs / 1000} s");
        }
    }

    /// <summary>
    /// When the socket can be read: one <c>recv</c> into <paramref name="buffer"/> (after the start of a frame the
    /// last read cut short), then every whole frame in it.
    /// </summary>
    public void OnReadable(ref byte[] buffer)
    {
        if (_stage == Stage.Ended)
        {
            return;
        }

        var carried = _carriedLength;
        if (buffer.Length - carried < 16384)
        {
            buffer = new byte[Math.Max(buffer.Length * 2, carried + 65536)];
        }

        _carried.AsSpan(0, carried).CopyTo(buffer);
        var read = _socket!.Receive(buffer.AsSpan(carried), SocketFlags.None, out var error);
        var receivedAt = DateTime.UtcNow.Ticks;
        if (error == SocketError.WouldBlock)
        {
            return;
        }

        if (error != SocketError.Success)
        {
            End($"the connection broke: {error}");
            return;
        }

        if (read == 0)
        {
            End("the server closed the connection");
            return;
        }

        var data = buffer.AsSpan(0, carried + read);
        var at = 0;
        if (_stage == Stage.Upgrading)
        {
            var head = _upgrade.ReadAnswer(data, out var refused);
            if (head < 0)
            {
                End(refused!);
                return;
            }

            if (head > 0)
            {
                at = head;
                _stage = Stage.Initialising;
                Send(WebSocketFrames.Client(WebSocketFrames.Text, init));
            }
            else
            {
                at = data.Length;
                Carry(data);
                return;
            }
        }

        while (_stage != Stage.Ended)
        {
            var rest = data[at..];
            var header = WebSocketFrames.ReadHeader(rest, out var frame, out var malformed);
            if (header < 0)
            {
                End(malformed!);
                return;
            }

            if (header == 0 || rest.Length - header < frame.PayloadLength)
            {
                Carry(rest);
                return;
            }

            at += header + frame.PayloadLength;
            OnFrame(frame, rest.Slice(header, frame.PayloadLength), receivedAt);
        }
    }

    /// <summary>At the end of the run: a close frame if the connection lives, then the socket goes.</summary>
    public void Close()
    {
        if (_socket is null)
        {
            return;
        }

        if (_stage != Stage.Ended)
        {
            _stage = Stage.Ended;
            _socket.Send(CloseFrame, SocketFlags.None, out _);
        }

        _epoll!.Forget(_socket);
        _socket.Dispose();
        _socket = null;
    }

    private void OnFrame(ServerFrame frame, ReadOnlySpan<byte> payload, long receivedAt)
    {
        switch (frame.Opcode)
        {
            case WebSocketFrames.Text or WebSocketFrames.Binary when !_inMessage:
                if (frame.Final)
                {
                    OnMessage(payload, receivedAt);
                }
                else
                {
                    _inMessage = true;
                    _messageLength = 0;
                    Append(payload);
                }

                break;
            case WebSocketFrames.Continuation when _inMessage:
                Append(payload);
                if (frame.Final)
                {
                    _inMessage = false;
                    OnMessage(_message.AsSpan(0, _messageLength), receivedAt);
                }

                break;
            case WebSocketFrames.Ping:
                Send(WebSocketFrames.Client(WebSocketFrames.Pong, payload));
                break;
            case WebSocketFrames.Pong:
                // The server's keep-alive: nothing to answer.
                break;
            case WebSocketFrames.Close:
                End("the server closed the connection");
                break;
            default:
                End($"an unexpected frame of opcode {frame.Opcode}{(_inMessage ? " inside a fragmented message" : string.Empty)}");
                break;
        }
    }

    private void OnMessage(ReadOnlySpan<byte> json, long receivedAt)
    {
        if (_stage == Stage.Subscribed)
        {
            Handle(json, receivedAt);
            return;
        }

        var type = Protocol.Type(json);
        if (type.SequenceEqual("connection_ack"u8))
        {
            _stage = Stage.Subscribed;
            Send(WebSocketFrames.Client(WebSocketFrames.Text, subscribe));
        }
        else if (type.SequenceEqual("ping"u8))
        {
            Send(PongMessage);
        }
        else
        {
            End($"Expected connection_ack, received {Protocol.Show(json)}");
        }
    }

    private void Handle(ReadOnlySpan<byte> json, long receivedAt)
    {
        var type = Protocol.Type(json);
        if (type.SequenceEqual("next"u8) && !Protocol.HasErrors(json) && TryNumberAfter(json, "\"sequence\":"u8, out var sequence))
        {
            Received++;
            if (TrySentAt(json, out var sentAt))
            {
                recorder.Record(sentAt, receivedAt);
            }

            var last = _last;
            if (last >= 0 && sequence != last + 1)
            {
                if (sequence == last)
                {
                    Duplicated++;
                    return;
                }

                if (sequence < last)
                {
                    OutOfOrder++;
                    return;
                }

                Lost += sequence - last - 1;
            }

            Interlocked.Exchange(ref _last, sequence);
            return;
        }

        if (type.SequenceEqual("ping"u8))
        {
            Send(PongMessage);
            return;
        }

        if (!type.SequenceEqual("pong"u8))
        {
            End(Protocol.Show(json));
        }
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

    private void Append(ReadOnlySpan<byte> payload)
    {
        if (_message.Length - _messageLength < payload.Length)
        {
            Array.Resize(ref _message, Math.Max(_message.Length * 2, _messageLength + payload.Length));
        }

        payload.CopyTo(_message.AsSpan(_messageLength));
        _messageLength += payload.Length;
    }

    private void Carry(ReadOnlySpan<byte> rest)
    {
        if (_carried.Length < rest.Length)
        {
            _carried = new byte[Math.Max(rest.Length, 1024)];
        }

        rest.CopyTo(_carried);
        _carriedLength = rest.Length;
    }

    /// <summary>
    /// Sends a whole frame; a full send buffer, which a few small frames on a connection that mostly reads never
    /// meet, is waited out blocking (at most the socket's send time-out).
    /// </summary>
    private void Send(ReadOnlySpan<byte> frame)
    {
        var sent = _socket!.Send(frame, SocketFlags.None, out var error);
        if (error == SocketError.WouldBlock || (error == SocketError.Success && sent < frame.Length))
        {
            _socket.Blocking = true;
            (sent, error) = (Math.Max(sent, 0), SocketError.Success);
            while (error == SocketError.Success && sent < frame.Length)
            {
                sent += _socket.Send(frame[sent..], SocketFlags.None, out error);
            }

            _socket.Blocking = false;
        }

        if (error != SocketError.Success)
        {
            End($"the connection broke: {error}");
        }
    }

    /// <summary>
    /// Ends the connection's reading: while it opens, as why it could not open; after, as the subscription's
    /// failure. The socket stays open, unwatched, until <see cref="Close"/>.
    /// </summary>
    private void End(string why)
    {
        if (_stage == Stage.Ended)
        {
            return;
        }

        if (_stage == Stage.Subscribed)
        {
            _failure ??= why;
        }
        else
        {
            OpenFailure ??= why;
        }

        _stage = Stage.Ended;
        _epoll!.Forget(_socket!);
    }
}
