using Microsoft.EntityFrameworkCore;
using Voting.Application.Chat;
using Voting.Domain.Chat;
using Voting.Domain.Users;

namespace Voting.Infrastructure.Persistence.Chat;

internal sealed class ChatQueries(VotingDbContext db) : IChatQueries
{
    public async Task<IReadOnlyList<RoomSummary>> ListRoomsOfAsync(UserId userId, CancellationToken cancellationToken) =>
        await (from member in db.RoomMembers.AsNoTracking()
               where member.UserId == userId && member.Status == MemberStatus.Active
               join room in db.ChatRooms.AsNoTracking() on member.RoomId equals room.Id
               let lastActivity = db.RoomEvents.Where(e => e.RoomId == room.Id).OrderByDescending(e => e.Sequence).Select(e => e.OccurredAt).FirstOrDefault()
               orderby lastActivity descending
               select new RoomSummary(
                   room.Id,
                   room.Kind,
                   room.Name,
                   room.ElectionId,
                   member.Role,
                   room.LastSequence,
                   member.LastReadSequence,
                   db.ChatMessages.Count(m => m.RoomId == room.Id && m.Sequence > member.LastReadSequence && m.DeletedAt == null && (m.AuthorId == null || m.AuthorId != userId)),
                   room.CreatedAt,
                   lastActivity))
            .ToListAsync(cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<DirectConversation>> ListDirectConversationsOfAsync(UserId userId, CancellationToken cancellationToken) =>
        await (from member in db.RoomMembers.AsNoTracking()
               where member.UserId == userId && member.Status == MemberStatus.Active
               join room in db.ChatRooms.AsNoTracking() on member.RoomId equals room.Id
               where room.Kind == RoomKind.Direct
               from other in db.RoomMembers.AsNoTracking()
               where other.RoomId == room.Id && other.UserId != userId
               let lastActivity = db.RoomEvents.Where(e => e.RoomId == room.Id).OrderByDescending(e => e.Sequence).Select(e => e.OccurredAt).FirstOrDefault()
               orderby lastActivity descending
               select new DirectConversation(
                   room.Id,
                   other.UserId,
                   room.LastSequence,
                   member.LastReadSequence,
                   db.ChatMessages.Count(m => m.RoomId == room.Id && m.Sequence > member.LastReadSequence && m.DeletedAt == null && m.AuthorId != userId),
                   room.CreatedAt,
                   lastActivity))
            .ToListAsync(cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<RoomMemberView>> ListMembersAsync(RoomId roomId, CancellationToken cancellationToken) =>
        await db.RoomMembers.AsNoTracking()
            .Where(m => m.RoomId == roomId && (m.Status == MemberStatus.Active || m.Status == MemberStatus.Invited))
            .OrderByDescending(m => m.Role).ThenBy(m => m.JoinedAt)
            .Select(m => new RoomMemberView(m.RoomId, m.UserId, m.Role, m.Status, m.JoinedAt, m.MutedUntil, m.LastReadSequence))
            .ToListAsync(cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<MessageView>> ListMessagesAsync(RoomId roomId, long? after, long? before, int take, bool fromEnd, CancellationToken cancellationToken)
    {
        var messages = db.ChatMessages.AsNoTracking().Where(m => m.RoomId == roomId);
        if (after is { } low)
        {
            messages = messages.Where(m => m.Sequence > low);
        }

        if (before is { } high)
        {
            messages = messages.Where(m => m.Sequence < high);
        }

        var ordered = fromEnd ? messages.OrderByDescending(m => m.Sequence) : messages.OrderBy(m => m.Sequence);
        var rows = await ordered.Take(take).Select(m => new MessageView(
                m.Id, m.RoomId, m.Sequence, m.AuthorId, m.Kind, m.Notice, m.SubjectId, m.Text, m.ClientMessageId, m.SentAt, m.EditedAt, m.DeletedAt))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        if (fromEnd)
        {
            rows.Reverse();
        }

        return rows;
    }

    public async Task<IReadOnlyList<RoomEventView>> ListEventsAsync(RoomId roomId, long afterSequence, int take, CancellationToken cancellationToken)
    {
        var events = await db.RoomEvents.AsNoTracking()
            .Where(e => e.RoomId == roomId && e.Sequence > afterSequence)
            .OrderBy(e => e.Sequence).Take(take)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var ids = events.Where(e => e.MessageId is not null).Select(e => e.MessageId!.Value).Distinct().ToList();
        var messages = ids.Count == 0
            ? []
            : await db.ChatMessages.AsNoTracking().Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, cancellationToken).ConfigureAwait(false);
        return [.. events.Select(e => RoomEventView.From(e, e.MessageId is { } id ? messages.GetValueOrDefault(id) : null))];
    }
}
