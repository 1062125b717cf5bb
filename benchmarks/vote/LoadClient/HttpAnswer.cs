using System.Buffers.Text;
using System.Text;

namespace Voting.Benchmarks.Votes;

/// <summary>
/// An HTTP/1.1 answer read from the bytes received so far: whether they hold a whole one yet, and if so its
/// status and where its body is. Reading is repeated from the start as more bytes arrive, and changes nothing
/// until the answer is whole (then a chunked body is de-chunked in place, into one span); castVote's answers
/// come in one <c>recv</c>, so the repetition costs nothing in practice.
/// </summary>
/// <remarks>
/// RFC 9112, section 6.3 (message body length), in the order it gives, for the answers a POST can get: no
/// body for 1xx (read past: an interim answer), 204 and 304; else <c>Transfer-Encoding</c> ending in
/// <c>chunked</c> (Kestrel's framing when the handler flushes before it finishes, as the GraphQL endpoint
/// does); else <c>Content-Length</c>; else the body runs to the end of the connection.
/// </remarks>
internal readonly record struct HttpAnswer(int Status, int BodyAt, int BodyLength, bool KeepAlive, HttpFraming Framing)
{
    /// <summary>An answer larger than this is not a castVote answer.</summary>
    public const int MaxAnswerBytes = 1 << 20;

    /// <summary>
    /// Reads the answer at the start of <paramref name="received"/>; <paramref name="ended"/> when the server has
    /// closed its side (no more bytes will come), which ends a body framed by the connection's end and nothing
    /// else. An answer followed by more bytes is whole but not to be kept alive after: with one request in
    /// flight, nothing can follow it but a server out of step.
    /// </summary>
    public static HttpReadState TryRead(Span<byte> received, bool ended, out HttpAnswer answer)
    {
        answer = default;
        var at = 0;
        Head head;
        while (true)
        {
            var headEnd = received[at..].IndexOf("\r\n\r\n"u8);
            if (headEnd < 0)
            {
                return HttpReadState.Incomplete;
            }

            if (!TryReadHead(received.Slice(at, headEnd + 2), out head))
            {
                return HttpReadState.Malformed;
            }

            at += headEnd + 4;
            if (head.Status >= 200)
            {
                break;
            }
        }

        int bodyLength, end;
        HttpFraming framing;
        if (head.Status is 204 or 304)
        {
            (framing, bodyLength, end) = (HttpFraming.Length, 0, at);
        }
        else if (head.Chunked)
        {
            framing = HttpFraming.Chunked;
            var state = TryFindChunkedEnd(received, at, out end);
            if (state != HttpReadState.Complete)
            {
                return state;
            }

            bodyLength = Dechunk(received, at);
        }
        else if (head.ContentLength is { } length)
        {
            framing = HttpFraming.Length;
            if (received.Length - at < length)
            {
                return HttpReadState.Incomplete;
            }

            (bodyLength, end) = ((int)length, at + (int)length);
        }
        else
        {
            framing = HttpFraming.Close;
            if (!ended)
            {
                return HttpReadState.Incomplete;
            }

            (bodyLength, end) = (received.Length - at, received.Length);
            head = head with { Close = true };
        }

        answer = new HttpAnswer(head.Status, at, bodyLength, !head.Close && end == received.Length, framing);
        return HttpReadState.Complete;
    }

    /// <summary>The status line and the headers that frame the body (each line with its CRLF); false when they do not parse.</summary>
    private static bool TryReadHead(ReadOnlySpan<byte> lines, out Head head)
    {
        head = default;
        var lineEnd = lines.IndexOf("\r\n"u8);
        var statusLine = lines[..lineEnd];
        if (!statusLine.StartsWith("HTTP/1."u8) || statusLine.Length < 12 || statusLine[8] != (byte)' '
            || !Utf8Parser.TryParse(statusLine.Slice(9, 3), out int status, out var digits) || digits != 3)
        {
            return false;
        }

        // HTTP/1.0 closes after each answer unless it says keep-alive.
        var http10 = statusLine[7] == (byte)'0';
        head = new Head(status, false, null, http10);
        lines = lines[(lineEnd + 2)..];
        while ((lineEnd = lines.IndexOf("\r\n"u8)) >= 0)
        {
            var line = lines[..lineEnd];
            lines = lines[(lineEnd + 2)..];
            var colon = line.IndexOf((byte)':');
            if (colon <= 0)
            {
                return false;
            }

            var name = line[..colon];
            var value = line[(colon + 1)..].Trim(" \t"u8);
            if (Ascii.EqualsIgnoreCase(name, "Content-Length"u8))
            {
                if (!Utf8Parser.TryParse(value, out long length, out var used) || used != value.Length || length is < 0 or > MaxAnswerBytes
                    || (head.ContentLength is { } earlier && earlier != length))
                {
                    return false;
                }

                head = head with { ContentLength = length };
            }
            else if (Ascii.EqualsIgnoreCase(name, "Transfer-Encoding"u8))
            {
                // The final coding decides (section 6.3): "gzip, chunked" is chunked, "chunked, gzip" is not.
                var last = value.LastIndexOf((byte)',');
                head = head with { Chunked = Ascii.EqualsIgnoreCase(value[(last + 1)..].Trim(" \t"u8), "chunked"u8) };
            }
            else if (Ascii.EqualsIgnoreCase(name, "Connection"u8))
            {
                head = head with { Close = HasToken(value, "close"u8) || (http10 && !HasToken(value, "keep-alive"u8)) };
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

    /// <summary>Walks the chunks (RFC 9112, section 7.1) from <paramref name="at"/> to past the last chunk's trailers, moving nothing.</summary>
    private static HttpReadState TryFindChunkedEnd(ReadOnlySpan<byte> received, int at, out int end)
    {
        end = 0;
        var total = 0;
        while (true)
        {
            var sizeLineEnd = received[at..].IndexOf("\r\n"u8);
            if (sizeLineEnd < 0)
            {
                return HttpReadState.Incomplete;
            }

            if (!TryReadChunkSize(received.Slice(at, sizeLineEnd), out var size) || (total += size) > MaxAnswerBytes)
            {
                return HttpReadState.Malformed;
            }

            at += sizeLineEnd + 2;
            if (size == 0)
            {
                // Trailer fields, if any, then an empty line.
                while (true)
                {
                    var lineEnd = received[at..].IndexOf("\r\n"u8);
                    if (lineEnd < 0)
                    {
                        return HttpReadState.Incomplete;
                    }

                    at += lineEnd + 2;
                    if (lineEnd == 0)
                    {
                        end = at;
                        return HttpReadState.Complete;
                    }
                }
            }

            if (received.Length - at < size + 2)
            {
                return HttpReadState.Incomplete;
            }

            if (!received.Slice(at + size, 2).SequenceEqual("\r\n"u8))
            {
                return HttpReadState.Malformed;
            }

            at += size + 2;
        }
    }

    /// <summary>Moves each chunk's data down to the end of the body so far, which never overtakes the chunks still to move; the body's length.</summary>
    private static int Dechunk(Span<byte> received, int bodyAt)
    {
        var at = bodyAt;
        var bodyEnd = bodyAt;
        while (true)
        {
            var sizeLineEnd = received[at..].IndexOf("\r\n"u8);
            TryReadChunkSize(received.Slice(at, sizeLineEnd), out var size);
            at += sizeLineEnd + 2;
            if (size == 0)
            {
                return bodyEnd - bodyAt;
            }

            received.Slice(at, size).CopyTo(received[bodyEnd..]);
            bodyEnd += size;
            at += size + 2;
        }
    }

    /// <summary>A chunk-size line: hex digits, then perhaps extensions after a semicolon (ignored).</summary>
    private static bool TryReadChunkSize(ReadOnlySpan<byte> line, out int size)
    {
        var extension = line.IndexOf((byte)';');
        var hex = (extension < 0 ? line : line[..extension]).Trim(" \t"u8);
        size = 0;
        return hex.Length is > 0 and <= 7 && Utf8Parser.TryParse(hex, out size, out var used, 'x') && used == hex.Length;
    }

    private readonly record struct Head(int Status, bool Chunked, long? ContentLength, bool Close);
}
