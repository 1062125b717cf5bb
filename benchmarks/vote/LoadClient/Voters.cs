using System.Buffers;
using System.Buffers.Text;

namespace Voting.Benchmarks.Votes;

/// <summary>
/// The benchmark's voters, numbered from 1. run.sh inserts voter n with this user ID (the same
/// expression in SQL), so the client needs no list: it mints voter n's token from n alone.
/// </summary>
internal static class Voters
{
    /// <summary>The length of a user ID as text (a GUID in its "D" format).</summary>
    public const int IdLength = 36;

    private static readonly StandardFormat TwelveHexDigits = new('x', 12);

    /// <summary>Writes voter <paramref name="n"/>'s user ID as UTF-8 text, lower case as <see cref="Guid.ToString()"/> writes it: <c>00000000-0000-4000-8000-</c> and n in twelve hex digits.</summary>
    public static int WriteId(long n, Span<byte> destination)
    {
        "00000000-0000-4000-8000-"u8.CopyTo(destination);
        return Utf8Formatter.TryFormat(n, destination[24..], out var digits, TwelveHexDigits) && digits == 12
            ? IdLength
            : throw new ArgumentOutOfRangeException(nameof(n), n, "A voter number takes at most twelve hex digits.");
    }
}
