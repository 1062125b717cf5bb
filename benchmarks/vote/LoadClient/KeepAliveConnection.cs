using System.Buffers.Text;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Voting.Benchmarks.Votes;

/// <summary>
/// One HTTP/1.1 keep-alive connection with one request in flight (no pipelining), on a blocking socket with
/// TCP_NODELAY, as lean as a wrk-style load generator: the loop's thread sleeps in <c>recv</c> until the answer
/// arrives, the answer lands in a buffer kept for the connection's life, and only what an answer needs is read
/// from it (the status, the framing headers, the body). It connects again when the server closed the
/// connection, or asked to.
/// </summary>
/// <remarks>
/// RFC 9112, section 6.3 (message body length), in the order it gives, for the answers a POST can get: no
/// body for 1xx (skipped: an interim answer), 204 and 304; else <c>Transfer-Encoding</c> ending in
/// <c>chunked</c> (Kestrel's framing when the handler flushes before it finishes, as the GraphQL endpoint
/// does); else <c>Content-Length</c>; else the body runs to the end of the connection.
/// </remarks>
internal sealed class KeepAliveConnection(EndPoint server, TimeSpan timeout) : IDisposable
{
    /// <summary>An answer larger than this is not a castVote answer: the connection is given up as broken.</summary>
    private const int MaxAnswerBytes = 1 << 20;

    private const string Closed = "NO_ANSWER_CLOSED";
    private const string Malformed = "NO_ANSWER_MALFORMED_HTTP";

    private byte[] _buffer = new byte[4096];
    private Socket? _socket;
    private int _received;
    private int _bodyAt;
    private int _bodyLength;
    private long _chunked;
    private long _length;
    private long _close;

    /// <summary>How many connections were opened: the first one, then one per reconnection.</summary>
    public int Connects { get; private set; }

    /// <summary>How many <c>recv</c> calls the answers took: more than one per answer means the answer came in pieces.</summary>
    public long Receives { get; private set; }

    /// <summary>The answers framed by <c>Transfer-Encoding: chunked</c>, by <c>Content-Length</c>, and by the connection's end.</summary>
    public (long Chunked, long Length, long Close) Framings => (_chunked, _length, _close);

    /// <summary>The last answer's status code.</summary>
    public int Status { get; private set; }

    /// <summary>The last answer's body, de-chunked. Valid until the next <see cref="Exchange"/>.</summary>
    public ReadOnlySpan<byte> Body => _buffer.AsSpan(_bodyAt, _bodyLength);

    /// <summary>
    /// Sends <paramref name="request"/> and reads its answer: null when a full answer came (<see cref="Status"/>,
    /// <see cref="Body"/>), else why none did (the request may or may not have been acted on), and the
    /// connection is closed, to be opened again by the next exchange.
    /// </summary>
    public string? Exchange(ReadOnlySpan<byte> request)
    {
        if (_socket is null && Connect() is { } refused)
        {
            return refused;
        }

        var keepAlive = false;
        var failure = Send(request) ?? ReadAnswer(out keepAlive);
        if (failure is not null || !keepAlive)
        {
            Close();
        }

        return failure;
    }

    public void Dispose() => Close();

    private string? Connect()
    {
        var socket = new Socket(server.AddressFamily, SocketType.Stream, ProtocolType.Tcp)
        {
            NoDelay = true,
            ReceiveTimeout = (int)timeout.TotalMilliseconds,
            SendTimeout = (int)timeout.TotalMilliseconds,
        };
        try
        {
            socket.Connect(server);
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

    private void Close()
    {
        _socket?.Dispose();
        _socket = null;
    }

    private string? Send(ReadOnlySpan<byte> request)
    {
        while (!request.IsEmpty)
        {
            var sent = _socket!.Send(request, SocketFlags.None, out var error);
            if (error != SocketError.Success)
            {
                return NoAnswer(error);
            }

            request = request[sent..];
        }

        return null;
    }

    private string? ReadAnswer(out bool keepAlive)
    {
        keepAlive = false;
        _received = 0;
        int headersEnd;
        bool chunked, connectionClose;
        long? contentLength;
        while (true)
        {
            int end;
            while ((end = _buffer.AsSpan(0, _received).IndexOf("\r\n\r\n"u8)) < 0)
            {
                if (Receive() is { } failure)
                {
                    return failure;
                }
            }

            headersEnd = end + 4;
            if (!TryReadHead(_buffer.AsSpan(0, headersEnd), out var status, out chunked, out contentLength, out connectionClose))
            {
                return Malformed;
            }

            Status = status;
            if (status >= 200)
            {
                break;
            }

            // An interim answer (100 Continue, 103 Early Hints): the final one follows.
            _buffer.AsSpan(headersEnd, _received - headersEnd).CopyTo(_buffer);
            _received -= headersEnd;
        }

        _bodyAt = headersEnd;
        string? bodyFailure;
        if (Status is 204 or 304)
        {
            _bodyLength = 0;
            _length++;
            bodyFailure = null;
        }
        else if (chunked)
        {
            _chunked++;
            bodyFailure = ReadChunkedBody();
        }
        else if (contentLength is { } length)
        {
            _length++;
            bodyFailure = length > MaxAnswerBytes ? Malformed : ReadBodyOfLength((int)length);
        }
        else
        {
            _close++;
            connectionClose = true;
            bodyFailure = ReadBodyToEnd();
        }

        if (bodyFailure is not null)
        {
            return bodyFailure;
        }

        // Bytes past the answer cannot belong to a request not yet sent: the server is out of step, so start afresh.
        keepAlive = !connectionClose && _received == _bodyAt + _bodyLength;
        return null;
    }

    /// <summary>The status line and the headers that frame the body; false when they do not parse.</summary>
    private static bool TryReadHead(ReadOnlySpan<byte> head, out int status, out bool chunked, out long? contentLength, out bool connectionClose)
    {
        chunked = false;
        contentLength = null;
        connectionClose = false;
        status = 0;
        var lineEnd = head.IndexOf("\r\n"u8);
        var statusLine = head[..lineEnd];
        if (!statusLine.StartsWith("HTTP/1."u8) || statusLine.Length < 12 || statusLine[8] != (byte)' '
            || !Utf8Parser.TryParse(statusLine.Slice(9, 3), out status, out var digits) || digits != 3)
        {
            return false;
        }

        var http10 = statusLine[7] == (byte)'0';
        connectionClose = http10;
        head = head[(lineEnd + 2)..];
        while ((lineEnd = head.IndexOf("\r\n"u8)) > 0)
        {
            var line = head[..lineEnd];
            head = head[(lineEnd + 2)..];
            var colon = line.IndexOf((byte)':');
            if (colon <= 0)
            {
                return false;
            }

            var name = line[..colon];
            var value = line[(colon + 1)..].Trim(" \t"u8);
            if (Ascii.EqualsIgnoreCase(name, "Content-Length"u8))
            {
                if (!Utf8Parser.TryParse(value, out long length, out var used) || used != value.Length || length < 0
                    || (contentLength is { } earlier && earlier != length))
                {
                    return false;
                }

                contentLength = length;
            }
            else if (Ascii.EqualsIgnoreCase(name, "Transfer-Encoding"u8))
            {
                // The final coding decides (section 6.3): "gzip, chunked" is chunked, "chunked, gzip" is not.
                var last = value.LastIndexOf((byte)',');
                chunked = Ascii.EqualsIgnoreCase(value[(last + 1)..].Trim(" \t"u8), "chunked"u8);
            }
            else if (Ascii.EqualsIgnoreCase(name, "Connection"u8))
            {
                connectionClose = HasToken(value, "close"u8) || (http10 && !HasToken(value, "keep-alive"u8));
            }
        }

        return true;
    }

    /// <summary>Whether a comma-separated header value holds <paramref name="token"/> (case-insensitive).</summary>
    private static bool HasToken(ReadOnlySpan<byte> value, ReadOnlySpan<byte> token)
    {
        foreach (var range in value.Split((byte)','))
        {
            if (Ascii.EqualsIgnoreCase(value[range].Trim(" \t"u8), token))
            {
                return true;
            }
        }

        return false;
    }

    private string? ReadBodyOfLength(int length)
    {
        while (_received < _bodyAt + length)
        {
            if (Receive() is { } failure)
            {
                return failure;
            }
        }

        _bodyLength = length;
        return null;
    }

    private string? ReadBodyToEnd()
    {
        while (true)
        {
            var failure = Receive();
            if (failure == Closed)
            {
                _bodyLength = _received - _bodyAt;
                return null;
            }

            if (failure is not null)
            {
                return failure;
            }
        }
    }

    /// <summary>
    /// De-chunks in place (RFC 9112, section 7.1): each chunk's data moves down to the end of the body so far, so
    /// that the body is one span; chunk extensions and trailers are read past.
    /// </summary>
    private string? ReadChunkedBody()
    {
        var bodyEnd = _bodyAt;
        var at = _bodyAt;
        while (true)
        {
            int lineEnd;
            while ((lineEnd = _buffer.AsSpan(at, _received - at).IndexOf("\r\n"u8)) < 0)
            {
                if (Receive() is { } failure)
                {
                    return failure;
                }
            }

            var sizeLine = _buffer.AsSpan(at, lineEnd);
            var extension = sizeLine.IndexOf((byte)';');
            var hex = (extension < 0 ? sizeLine : sizeLine[..extension]).Trim(" \t"u8);
            if (hex.IsEmpty || hex.Length > 7 || !Utf8Parser.TryParse(hex, out int size, out var used, 'x') || used != hex.Length)
            {
                return Malformed;
            }

            at += lineEnd + 2;
            if (size == 0)
            {
                _bodyLength = bodyEnd - _bodyAt;
                return ReadTrailers(at);
            }

            if (bodyEnd - _bodyAt + size > MaxAnswerBytes)
            {
                return Malformed;
            }

            while (_received < at + size + 2)
            {
                if (Receive() is { } failure)
                {
                    return failure;
                }
            }

            if (!_buffer.AsSpan(at + size, 2).SequenceEqual("\r\n"u8))
            {
                return Malformed;
            }

            _buffer.AsSpan(at, size).CopyTo(_buffer.AsSpan(bodyEnd));
            bodyEnd += size;
            at += size + 2;
        }
    }

    /// <summary>After the last chunk: trailer fields, if any, then an empty line; the answer then ends, and <see cref="_received"/> is moved to match the de-chunked body.</summary>
    private string? ReadTrailers(int at)
    {
        while (true)
        {
            int lineEnd;
            while ((lineEnd = _buffer.AsSpan(at, _received - at).IndexOf("\r\n"u8)) < 0)
            {
                if (Receive() is { } failure)
                {
                    return failure;
                }
            }

            at += lineEnd + 2;
            if (lineEnd == 0)
            {
                // What follows the answer is what a check for extra bytes must see.
                var extra = _received - at;
                _buffer.AsSpan(at, extra).CopyTo(_buffer.AsSpan(_bodyAt + _bodyLength));
                _received = _bodyAt + _bodyLength + extra;
                return null;
            }
        }
    }

    /// <summary>One <c>recv</c> onto the end of what was received, growing the buffer when it is full; null, or why nothing came.</summary>
    private string? Receive()
    {
        if (_received == _buffer.Length)
        {
            if (_buffer.Length >= MaxAnswerBytes)
            {
                return Malformed;
            }

            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        var read = _socket!.Receive(_buffer.AsSpan(_received), SocketFlags.None, out var error);
        Receives++;
        if (error != SocketError.Success)
        {
            return NoAnswer(error);
        }

        if (read == 0)
        {
            return Closed;
        }

        _received += read;
        return null;
    }

    private static string NoAnswer(SocketError error) => "NO_ANSWER_" + error;
}
