using Voting.Domain.Users;

namespace Voting.Infrastructure.Tests.Support;

public static class CitizenIds
{
    /// <summary>The <paramref name="n"/>-th valid citizen ID (13 digits with its check digit).</summary>
    public static string Make(long n)
    {
        var first12 = (100_000_000_000 + n).ToString("D12", System.Globalization.CultureInfo.InvariantCulture);
        return first12 + CitizenId.CheckDigit(first12);
    }
}
