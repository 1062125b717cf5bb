using Voting.Domain.Common;

namespace Voting.Domain.Tests.Support;

/// <summary>A clock the test sets by hand, so that every time rule can be checked at its boundary.</summary>
internal sealed class FakeClock(DateTimeOffset utcNow) : IClock
{
    public DateTimeOffset UtcNow { get; set; } = utcNow;
}
