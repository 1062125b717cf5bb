using Voting.Domain.Common;

namespace Voting.Infrastructure.Tests.Support;

public sealed class TestClock : IClock
{
    public DateTimeOffset UtcNow { get; set; } = new(2030, 5, 1, 8, 0, 0, TimeSpan.Zero);
}
