using Voting.Domain.Chat;
using Voting.Domain.Common;
using Voting.Domain.Users;

namespace Voting.Application.Chat;

/// <summary>What sending into a locked conversation means (room messages go through <see cref="SendMessage.RoomSendQueue"/>).</summary>
internal static class MessageSending
{
    /// <summary>
    /// A retry (same client ID) returns the first message and costs nothing; a new message takes
    /// one from the sender's allowance in the room, or the whole change rolls back with RATE_LIMITED.
    /// </summary>
    public static async Task<MessageView> SendAsync(
        ChatRoom room,
        UserId sender,
        string text,
        string clientMessageId,
        IChatRepository chat,
        IChatRateLimiter rateLimiter,
        IClock clock,
        CancellationToken cancellationToken)
    {
        var member = await chat.GetMemberAsync(room.Id, sender, cancellationToken).ConfigureAwait(false);
        var earlier = await chat.FindByClientMessageIdAsync(room.Id, sender, clientMessageId, cancellationToken).ConfigureAwait(false);
        var message = room.Send(member, text, clientMessageId, earlier, clock);
        if (earlier is null && await rateLimiter.TryAcquireAsync(sender, room.Id, cancellationToken).ConfigureAwait(false) is { } retryAfter)
        {
            throw new RateLimitedException(retryAfter);
        }

        return MessageView.From(message);
    }
}
