using Voting.Domain.Chat;
using Voting.Domain.Users;

namespace Voting.Application.Chat;

public sealed record RoomMemberView(RoomId RoomId, UserId UserId, MemberRole Role, MemberStatus Status, DateTimeOffset? JoinedAt, DateTimeOffset? MutedUntil, long LastReadSequence)
{
    public static RoomMemberView From(RoomMember member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return new(member.RoomId, member.UserId, member.Role, member.Status, member.JoinedAt, member.MutedUntil, member.LastReadSequence);
    }
}
