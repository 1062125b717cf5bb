using Voting.Application.Chat;
using Voting.Domain.Chat;
using Voting.GraphQL.Types;

namespace Voting.WebApi.GraphQL.Chat;

[GraphQLName("MyRoom")]
[GraphQLDescription("A room you are in, with what you have not read yet.")]
public sealed class MyRoomNode(RoomSummary room)
{
    [ID]
    public Guid Id { get; } = room.Id.Value;

    public RoomKind Kind { get; } = room.Kind;

    public string Name { get; } = room.Name;

    [ID]
    public Guid? ElectionId { get; } = room.ElectionId?.Value;

    public MemberRole MyRole { get; } = room.MyRole;

    public long LastSequence { get; } = room.LastSequence;

    [GraphQLDescription("Your read marker: the last sequence you marked read.")]
    public long LastReadSequence { get; } = room.LastReadSequence;

    [GraphQLDescription("Others' messages, not deleted, after your read marker.")]
    public int UnreadCount { get; } = room.UnreadCount;

    public DateTimeOffset CreatedAt { get; } = room.CreatedAt;

    public DateTimeOffset LastActivityAt { get; } = room.LastActivityAt;
}
