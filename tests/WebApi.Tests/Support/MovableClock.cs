using Voting.Domain.Common;

namespace Voting.WebApi.Tests.Support;

/// <summary>A clock a test moves by hand; read from the host's background services too, so reads and moves are atomic.</summary>
public sealed class MovableClock : IClock
{
    private long _utcTicks = DateTimeOffset.UtcNow.UtcTicks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond;

    public DateTimeOffset UtcNow => new(Interlocked.Read(ref _utcTicks), TimeSpan.Zero);

    public void MoveTo(DateTimeOffset now) => Interlocked.Exchange(ref _utcTicks, now.UtcTicks);
}
