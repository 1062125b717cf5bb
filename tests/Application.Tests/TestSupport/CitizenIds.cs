using System.Globalization;
using Voting.Domain.Users;

namespace Voting.Application.Tests.TestSupport;

/// <summary>Citizen IDs built with the real mod-11 check digit.</summary>
internal static class CitizenIds
{
    public static string Valid(long seed)
    {
        var firstTwelve = (1_000_000_000_00L + seed).ToString("D12", CultureInfo.InvariantCulture);
        return firstTwelve + CitizenId.CheckDigit(firstTwelve).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Thirteen digits whose last one is not the check digit of the first twelve.</summary>
    public static string WithWrongCheckDigit(long seed)
    {
        var valid = Valid(seed);
        var wrong = ((valid[^1] - '0' + 1) % 10).ToString(CultureInfo.InvariantCulture);
        return valid[..^1] + wrong;
    }
}
