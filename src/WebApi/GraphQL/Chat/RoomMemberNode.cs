using Voting.Application.Chat;
using Voting.Domain.Chat;
using Voting.GraphQL.Types;

namespace Voting.WebApi.GraphQL.Chat;

[GraphQLName("RoomMember")]
[GraphQLDescription("A user's standing in a room.")]
public sealed class RoomMemberNode(RoomMemberView member)
{
    [ID]
    public Guid RoomId { get; } = member.RoomId.Value;

    [ID]
    public Guid UserId { get; } = member.UserId.Value;

    public MemberRole Role { get; } = member.Role;

    public MemberStatus Status { get; } = member.Status;

    public DateTimeOffset? JoinedAt { get; } = member.JoinedAt;

    [GraphQLDescription("The member may not send before this time.")]
    public DateTimeOffset? MutedUntil { get; } = member.MutedUntil;
}
