using Voting.GraphQL.Types;

namespace Voting.WebApi.GraphQL.Chat;

[GraphQLDescription("Mutes a member until a time (UTC); without `until` it lifts the mute.")]
public sealed record MuteMemberInput([property: ID] Guid RoomId, [property: ID] Guid UserId, DateTimeOffset? Until);
