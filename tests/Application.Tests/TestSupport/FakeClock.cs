using Voting.Domain.Common;

namespace Voting.Application.Tests.TestSupport;

/// <summary>A clock that stands still until a test moves it.</summary>
internal sealed class FakeClock(DateTimeOffset start) : IClock
{
    public static readonly DateTimeOffset DefaultStart = new(2030, 3, 1, 9, 0, 0, TimeSpan.Zero);

    public FakeClock()
        : this(DefaultStart)
    {
    }

    public DateTimeOffset UtcNow { get; private set; } = start;

    public void Advance(TimeSpan by) => UtcNow += by;

    public void Set(DateTimeOffset now) => UtcNow = now;
}
