using Voting.Domain.Chat;
using Voting.GraphQL.Types;

namespace Voting.WebApi.GraphQL.Chat;

[GraphQLDescription("Makes a member a MODERATOR or a MEMBER (the owner only).")]
public sealed record SetMemberRoleInput([property: ID] Guid RoomId, [property: ID] Guid UserId, MemberRole Role);
