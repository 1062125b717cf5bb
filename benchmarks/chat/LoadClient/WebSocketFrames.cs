using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Voting.Benchmarks.Chat;

/// <summary>
/// RFC 6455 framing, the client's side of it: the frames it sends are masked with a fresh key ("a client MUST
/// mask all frames that it sends to the server", section 5.3), and the server's frames are read from a header
/// that says whether the frame is final, its opcode and its payload's length (section 5.2). No extension is
/// negotiated, so a reserved bit set, or a masked server frame ("a server MUST NOT mask any frames that it sends
/// to the client", section 5.1), is a broken stream.
/// </summary>
internal static class WebSocketFrames
{
    public const byte Continuation = 0x0;
    public const byte Text = 0x1;
    public const byte Binary = 0x2;
    public const byte Close = 0x8;
    public const byte Ping = 0x9;
    public const byte Pong = 0xA;

    /// <summary>Larger than any message the benchmark meets: a length past it is a broken stream.</summary>
    private const long MaxPayload = 16 << 20;

    /// <summary>One final frame of <paramref name="opcode"/> carrying <paramref name="payload"/>, masked.</summary>
    public static byte[] Client(byte opcode, ReadOnlySpan<byte> payload)
    {
        var lengthBytes = payload.Length < 126 ? 0 : payload.Length <= ushort.MaxValue ? 2 : 8;
        var frame = new byte[2 + lengthBytes + 4 + payload.Length];
        frame[0] = (byte)(0x80 | opcode);
        switch (lengthBytes)
        {
            case 0:
                frame[1] = (byte)(0x80 | payload.Length);
                break;
            case 2:
                frame[1] = 0x80 | 126;
                BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(2), (ushort)payload.Length);
                break;
            default:
                frame[1] = 0x80 | 127;
                BinaryPrimitives.WriteUInt64BigEndian(frame.AsSpan(2), (ulong)payload.Length);
                break;
        }

        // "The masking key MUST be derived from a strong source of entropy" (section 10.3).
        var maskAt = 2 + lengthBytes;
        var mask = frame.AsSpan(maskAt, 4);
        RandomNumberGenerator.Fill(mask);
        var masked = frame.AsSpan(maskAt + 4);
        for (var i = 0; i < payload.Length; i++)
        {
            masked[i] = (byte)(payload[i] ^ mask[i & 3]);
        }

        return frame;
    }

    /// <summary>
    /// Reads the header of the server frame at the start of <paramref name="data"/>: its length in bytes, or 0
    /// while it has not all arrived, or -1 when it is not a valid server frame (<paramref name="malformed"/> says why).
    /// </summary>
    public static int ReadHeader(ReadOnlySpan<byte> data, out ServerFrame frame, out string? malformed)
    {
        frame = default;
        malformed = null;
        if (data.Length < 2)
        {
            return 0;
        }

        if ((data[0] & 0x70) != 0)
        {
            malformed = "a server frame with a reserved bit set";
            return -1;
        }

        if ((data[1] & 0x80) != 0)
        {
            malformed = "a masked server frame";
            return -1;
        }

        var (headerLength, length) = (data[1] & 0x7F) switch
        {
            126 when data.Length >= 4 => (4, BinaryPrimitives.ReadUInt16BigEndian(data[2..])),
            127 when data.Length >= 10 => (10, (long)Math.Min(BinaryPrimitives.ReadUInt64BigEndian(data[2..]), long.MaxValue)),
            126 or 127 => (0, 0L),
            var small => (2, small),
        };
        if (headerLength == 0)
        {
            return 0;
        }

        var opcode = (byte)(data[0] & 0x0F);
        if (length > MaxPayload || (opcode >= Close && (length > 125 || (data[0] & 0x80) == 0)))
        {
            // Control frames: "MUST have a payload length of 125 bytes or less and MUST NOT be fragmented" (section 5.5).
            malformed = $"a server frame of opcode {opcode} and {length} bytes";
            return -1;
        }

        frame = new ServerFrame((data[0] & 0x80) != 0, opcode, (int)length);
        return headerLength;
    }
}
