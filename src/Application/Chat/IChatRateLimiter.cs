using Voting.Domain.Chat;
using Voting.Domain.Users;

namespace Voting.Application.Chat;

/// <summary>The per-user, per-room send limit (<see cref="ChatRateLimitOptions"/>), shared by every instance in production.</summary>
public interface IChatRateLimiter
{
    /// <summary>Takes one send from the user's allowance in the room: null when granted, otherwise how long until one is free.</summary>
    ValueTask<TimeSpan?> TryAcquireAsync(UserId userId, RoomId roomId, CancellationToken cancellationToken);
}
