using Voting.Domain.Chat;
using Voting.GraphQL.Types;

namespace Voting.WebApi.GraphQL.Chat;

[GraphQLDescription("A new room: PUBLIC (anyone signed in may join) or PRIVATE (by invitation).")]
public sealed record CreateRoomInput(RoomKind Kind, string Name);

[GraphQLDescription("A room and one user in it.")]
public sealed record RoomMemberInput([property: ID] Guid RoomId, [property: ID] Guid UserId);

[GraphQLDescription("Mutes a member until a time (UTC); without `until` it lifts the mute.")]
public sealed record MuteMemberInput([property: ID] Guid RoomId, [property: ID] Guid UserId, DateTimeOffset? Until);

[GraphQLDescription("Makes a member a MODERATOR or a MEMBER (the owner only).")]
public sealed record SetMemberRoleInput([property: ID] Guid RoomId, [property: ID] Guid UserId, MemberRole Role);

[GraphQLDescription("A message: 1 to 4000 UTF-16 code units, no control characters but line breaks and tabs. Retrying with the same `clientMessageId` returns the first message instead of sending twice.")]
public sealed record SendMessageInput([property: ID] Guid RoomId, string Text, string ClientMessageId);

[GraphQLDescription("A direct message to another user; the first one opens your conversation.")]
public sealed record SendDirectMessageInput([property: ID] Guid ToUserId, string Text, string ClientMessageId);

[GraphQLDescription("New text for your own message.")]
public sealed record EditMessageInput([property: ID] Guid MessageId, string Text);

[GraphQLDescription("Your read marker in a room: everything up to `sequence` is read.")]
public sealed record MarkReadInput([property: ID] Guid RoomId, long Sequence);
