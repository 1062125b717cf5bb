using System.Buffers.Text;
using System.Net.WebSockets;
using System.Text;

namespace Voting.Benchmarks.WebSockets;

/// <summary>
/// The few graphql-transport-ws messages the client sends, and a scanner for the ones it receives. Both
/// servers write compact JSON (no spaces), so a member is found by its exact <c>"name":</c> bytes: no
/// JSON parser runs per delivery.
/// </summary>
internal static class Protocol
{
    public const string SubProtocol = "graphql-transport-ws";

    public static ReadOnlySpan<byte> ConnectionInit => "{\"type\":\"connection_init\"}"u8;

    /// <summary><c>connection_init</c> carrying an access token (our server authenticates the connection with it).</summary>
    public static byte[] ConnectionInitWithToken(string token) =>
        Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["type"] = "connection_init",
            ["payload"] = new Dictionary<string, string> { ["token"] = token },
        }));

    public static ReadOnlySpan<byte> Pong => "{\"type\":\"pong\"}"u8;

    public static ReadOnlySpan<byte> Subscribe =>
        "{\"id\":\"1\",\"type\":\"subscribe\",\"payload\":{\"query\":\"subscription { announcements { sequence text publishedAt } }\"}}"u8;

    private static ReadOnlySpan<byte> AnnounceBefore => "{\"id\":\"m"u8;

    private static ReadOnlySpan<byte> AnnounceAfter =>
        "\",\"type\":\"subscribe\",\"payload\":{\"query\":\"mutation { announce(text: \\\"benchmark announcement\\\") { sequence publishedAt } }\"}}"u8;

    /// <summary>The announce mutation as a subscribe message with id <c>m{id}</c>; returns the bytes written.</summary>
    public static int WriteAnnounce(Span<byte> destination, long id)
    {
        AnnounceBefore.CopyTo(destination);
        var at = AnnounceBefore.Length;
        if (!Utf8Formatter.TryFormat(id, destination[at..], out var written))
        {
            throw new ArgumentException("The buffer is too small for the message.", nameof(destination));
        }

        at += written;
        AnnounceAfter.CopyTo(destination[at..]);
        return at + AnnounceAfter.Length;
    }

    /// <summary>The value of the first string member <paramref name="name"/> (quoted, with its colon), or empty.</summary>
    public static ReadOnlySpan<byte> StringMember(ReadOnlySpan<byte> json, ReadOnlySpan<byte> name)
    {
        var start = json.IndexOf(name);
        if (start < 0 || start + name.Length >= json.Length || json[start + name.Length] != (byte)'"')
        {
            return [];
        }

        var value = json[(start + name.Length + 1)..];
        var end = value.IndexOf((byte)'"');
        return end < 0 ? [] : value[..end];
    }

    public static ReadOnlySpan<byte> Type(ReadOnlySpan<byte> json) => StringMember(json, "\"type\":"u8);

    public static ReadOnlySpan<byte> PublishedAt(ReadOnlySpan<byte> json) => StringMember(json, "\"publishedAt\":"u8);

    public static bool HasErrors(ReadOnlySpan<byte> json) => json.IndexOf("\"errors\":"u8) >= 0;

    /// <summary>
    /// An ISO 8601 date-time (<c>2026-11-22T03:45:48.8274207Z</c>, 0 to 7 fractional digits, <c>Z</c> or
    /// <c>±hh:mm</c>) as UTC ticks; false when it is not one.
    /// </summary>
    public static bool TryParseUtcTicks(ReadOnlySpan<byte> text, out long ticks)
    {
        ticks = 0;
        if (text.Length < 20 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':')
        {
            return false;
        }

        if (!TryDigits(text[..4], out var year) || !TryDigits(text[5..7], out var month) || !TryDigits(text[8..10], out var day)
            || !TryDigits(text[11..13], out var hour) || !TryDigits(text[14..16], out var minute) || !TryDigits(text[17..19], out var second))
        {
            return false;
        }

        var at = 19;
        long fraction = 0;
        if (text[at] == '.')
        {
            var digits = 0;
            for (at++; at < text.Length && text[at] is >= (byte)'0' and <= (byte)'9'; at++, digits++)
            {
                if (digits < 7)
                {
                    fraction = (fraction * 10) + (text[at] - '0');
                }
            }

            for (; digits < 7; digits++)
            {
                fraction *= 10;
            }
        }

        long offset = 0;
        var zone = text[at..];
        if (zone.Length == 6 && zone[0] is (byte)'+' or (byte)'-' && zone[3] == ':'
            && TryDigits(zone[1..3], out var offsetHours) && TryDigits(zone[4..6], out var offsetMinutes))
        {
            offset = ((offsetHours * 60) + offsetMinutes) * TimeSpan.TicksPerMinute * (zone[0] == '+' ? 1 : -1);
        }
        else if (!zone.SequenceEqual("Z"u8))
        {
            return false;
        }

        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        ticks = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).Ticks + fraction - offset;
        return true;
    }

    /// <summary>Sends one whole text message.</summary>
    public static ValueTask SendAsync(WebSocket socket, ReadOnlyMemory<byte> message, CancellationToken cancellationToken) =>
        socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    public static string Show(ReadOnlySpan<byte> utf8) => Encoding.UTF8.GetString(utf8[..Math.Min(utf8.Length, 300)]);

    private static bool TryDigits(ReadOnlySpan<byte> text, out int value)
    {
        value = 0;
        foreach (var digit in text)
        {
            if (digit is < (byte)'0' or > (byte)'9')
            {
                return false;
            }

            value = (value * 10) + (digit - '0');
        }

        return true;
    }
}
