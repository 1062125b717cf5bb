using Voting.Application.Chat.GetPresence;
using Voting.GraphQL.Types;

namespace Voting.WebApi.GraphQL.Chat;

[GraphQLName("RoomPresence")]
[GraphQLDescription("Who is online in a room: the users with a live `presence` subscription to it, on any instance.")]
public sealed class RoomPresenceNode(RoomPresence presence)
{
    [ID]
    public Guid RoomId => presence.RoomId.Value;

    [ID]
    [GraphQLDescription("The users online, ordered by ID.")]
    public IReadOnlyList<Guid> UserIds { get; } = [.. presence.Online.Select(u => u.Value)];

    [GraphQLDescription("When this was read.")]
    public DateTimeOffset At => presence.At;
}
