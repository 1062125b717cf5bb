using System.Runtime.CompilerServices;
using Voting.Application.Chat;
using Voting.Domain.Chat;
using Voting.GraphQL.Types;

namespace Voting.WebApi.GraphQL.Chat;

[GraphQLName("RoomEvent")]
[GraphQLDescription("One change in a room, in the room's one sequence. Message events carry the message; membership events the member and the details.")]
public sealed class RoomEventNode(RoomEventView roomEvent)
{
    // One node per log entry in the process: every subscriber handed the same entry gets the same node, so the
    // engine executes and writes the entry once for all the subscriptions that select the same fields (ADR 0037).
    private static readonly ConditionalWeakTable<RoomEventView, RoomEventNode> Nodes = [];

    /// <summary>The node of <paramref name="roomEvent"/>, the same one for as long as the entry is held.</summary>
    public static RoomEventNode Of(RoomEventView roomEvent) => Nodes.GetValue(roomEvent, static view => new RoomEventNode(view));

    [ID]
    public Guid RoomId { get; } = roomEvent.RoomId.Value;

    [GraphQLDescription("Its place in the room's log; resume `roomEvents(afterSequence:)` with the last one seen.")]
    public long Sequence { get; } = roomEvent.Sequence;

    public RoomEventKind Kind { get; } = roomEvent.Kind;

    public DateTimeOffset OccurredAt { get; } = roomEvent.OccurredAt;

    [ID]
    [GraphQLDescription("Who did it; null for the system.")]
    public Guid? ActorId { get; } = roomEvent.ActorId?.Value;

    [ID]
    [GraphQLDescription("The member a membership event concerns.")]
    public Guid? SubjectId { get; } = roomEvent.SubjectId?.Value;

    [GraphQLDescription("The new role of a role change.")]
    public MemberRole? Role { get; } = roomEvent.Role;

    [GraphQLDescription("The end of a mute; null when it was lifted.")]
    public DateTimeOffset? MutedUntil { get; } = roomEvent.MutedUntil;

    public MessageNode? Message { get; } = roomEvent.Message is null ? null : new MessageNode(roomEvent.Message);
}
