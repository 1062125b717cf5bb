using System.Globalization;

namespace Voting.Benchmarks.Votes;

/// <summary>
/// The benchmark's voters, numbered from 1. run.sh inserts voter n with this user ID (the same
/// expression in SQL), so the client needs no list: it mints voter n's token from n alone.
/// </summary>
internal static class Voters
{
    public static Guid IdOf(long n) =>
        Guid.Parse(string.Create(CultureInfo.InvariantCulture, $"00000000-0000-4000-8000-{n:x12}"));
}
