using Voting.Application.Chat;
using Voting.Domain.Chat;
using Voting.GraphQL.Types;

namespace Voting.WebApi.GraphQL.Chat;

[GraphQLName("Room")]
[GraphQLDescription("A chat room with its active and invited members.")]
public sealed class RoomNode(RoomDetails room)
{
    [ID]
    public Guid Id { get; } = room.Id.Value;

    public RoomKind Kind { get; } = room.Kind;

    [GraphQLDescription("Empty for a direct conversation.")]
    public string Name { get; } = room.Name;

    [ID]
    [GraphQLDescription("The election whose room this is.")]
    public Guid? ElectionId { get; } = room.ElectionId?.Value;

    [GraphQLDescription("The sequence of the room's latest event.")]
    public long LastSequence { get; } = room.LastSequence;

    public DateTimeOffset CreatedAt { get; } = room.CreatedAt;

    public IReadOnlyList<RoomMemberNode> Members { get; } = [.. room.Members.Select(m => new RoomMemberNode(m))];
}
