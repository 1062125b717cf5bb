using Voting.Application.Abstractions;
using Voting.Domain.Chat;
using Voting.Domain.Common;
using Voting.Domain.Users;

namespace Voting.Application.Chat.SendMessage;

/// <summary>
/// Stores one batch of a room's messages in one change of the room (<see cref="RoomTransactions"/>): read the
/// batch's senders' rows, lock the room (reading the rows again only if it changed meanwhile), send each
/// message (the room's rules, then the sender's allowance, for each on its own), store, commit, publish, and
/// only then answer each.
/// </summary>
public sealed class RoomSendBatch(IUnitOfWork unitOfWork, IChatRepository chat, IRoomEventPublisher publisher, IClock clock)
{
    public async Task CommitAsync(RoomId roomId, IReadOnlyList<QueuedSend> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var attempts = 0;

        // The senders' rows are read before the room is locked, so the other instances' writers wait one round trip
        // less on the lock; they are read again under it only when the room changed in between.
        var senders = batch.Select(s => s.Sender).Distinct().ToList();
        var early = await chat.ReadMembersAsync(roomId, senders, CancellationToken.None).ConfigureAwait(false);
        var answers = await unitOfWork.ChangeRoomAsync(
            chat,
            publisher,
            roomId,
            (room, ct) => SendAllAsync(room, batch, senders, early, retrying: attempts++ > 0, ct),
            CancellationToken.None).ConfigureAwait(false);

        // Only now: a message is acknowledged after the commit that holds it.
        foreach (var answer in answers)
        {
            answer();
        }
    }

    private async Task<List<Action>> SendAllAsync(ChatRoom room, IReadOnlyList<QueuedSend> batch, List<UserId> senders, RoomMembersSnapshot? early, bool retrying, CancellationToken cancellationToken)
    {
        // Still current when nothing took a sequence since: every change of a member's standing does.
        var members = early is not null && early.LastSequence == room.LastSequence
            ? early.Members
            : await chat.GetMembersAsync(room.Id, senders, cancellationToken).ConfigureAwait(false);
        var sent = new Dictionary<(UserId, string), Message>();
        var answers = new List<Action>(batch.Count);
        foreach (var send in batch)
        {
            var key = (send.Sender, send.ClientMessageId);
            var member = members.GetValueOrDefault(send.Sender);
            try
            {
                // A retry in the same batch answers with the first; after a lost insert race, with the winner's row.
                var earlier = sent.GetValueOrDefault(key)
                    ?? (retrying ? await chat.FindByClientMessageIdAsync(room.Id, send.Sender, send.ClientMessageId, cancellationToken).ConfigureAwait(false) : null);
                if (earlier is null)
                {
                    room.EnsureCanSendMessage(member, send.Text, send.ClientMessageId, clock);
                    if (await send.Charge.ConfigureAwait(false) is { } retryAfter)
                    {
                        // A retry racing its first attempt was charged too: when that attempt committed (in an earlier
                        // batch), the retry gets its message, not a refusal. Looked up only here, on the rare path.
                        earlier = await chat.FindByClientMessageIdAsync(room.Id, send.Sender, send.ClientMessageId, cancellationToken).ConfigureAwait(false)
                            ?? throw new RateLimitedException(retryAfter);
                    }
                }

                var message = room.Send(member, send.Text, send.ClientMessageId, earlier, clock);
                sent[key] = message;
                var view = MessageView.From(message);
                answers.Add(() => send.Succeed(view));
            }
            catch (Exception refused) when (refused is DomainException || !send.Charge.IsCompletedSuccessfully)
            {
                // This message alone: the room's rules, its allowance, or a failure to ask for it. Nothing of it was sent.
                answers.Add(() => send.Fail(refused));
            }
        }

        return answers;
    }
}
