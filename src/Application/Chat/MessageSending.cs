using Voting.Domain.Chat;
using Voting.Domain.Common;
using Voting.Domain.Users;

namespace Voting.Application.Chat;

/// <summary>What sending into a locked room means, for room and direct messages alike.</summary>
internal static class MessageSending
{
    /// <summary>
    /// <paramref name="earlier"/> is the sender's message with the same client ID, if any: a retry returns
    /// it and costs nothing. A new message takes one from the sender's allowance in the room
    /// (<paramref name="charge"/>), or the whole change rolls back with RATE_LIMITED. The room's own
    /// refusals (not a member, muted, banned) come first.
    /// </summary>
    public static async Task<MessageView> SendAsync(
        ChatRoom room,
        UserId sender,
        string text,
        string clientMessageId,
        Message? earlier,
        Func<ValueTask<TimeSpan?>> charge,
        IChatRepository chat,
        IClock clock,
        CancellationToken cancellationToken)
    {
        var member = await chat.GetMemberAsync(room.Id, sender, cancellationToken).ConfigureAwait(false);
        var message = room.Send(member, text, clientMessageId, earlier, clock);
        if (earlier is null && await charge().ConfigureAwait(false) is { } retryAfter)
        {
            throw new RateLimitedException(retryAfter);
        }

        return MessageView.From(message);
    }
}
