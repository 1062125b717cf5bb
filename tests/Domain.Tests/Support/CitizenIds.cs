using Voting.Domain.Users;

namespace Voting.Domain.Tests.Support;

/// <summary>
/// Builds valid citizen IDs. The check digit is computed here on its own (weights 13 down to 2,
/// then (11 - sum mod 11) mod 10) rather than through <see cref="CitizenId.CheckDigit"/>, so the
/// tests catch a change to the rule.
/// </summary>
internal static class CitizenIds
{
    private static int _next;

    public static string Text(string firstTwelve)
    {
        Assert.Equal(12, firstTwelve.Length);
        var sum = 0;
        for (var i = 0; i < 12; i++)
        {
            Assert.InRange(firstTwelve[i], '0', '9');
            sum += (firstTwelve[i] - '0') * (13 - i);
        }

        return firstTwelve + (char)('0' + ((11 - (sum % 11)) % 10));
    }

    public static CitizenId From12(string firstTwelve) => CitizenId.Parse(Text(firstTwelve));

    /// <summary>A valid ID that no other call in this test run returns.</summary>
    public static CitizenId Unique() =>
        From12((100_000_000_000L + Interlocked.Increment(ref _next)).ToString(System.Globalization.CultureInfo.InvariantCulture));
}
