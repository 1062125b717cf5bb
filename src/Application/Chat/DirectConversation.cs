using Voting.Domain.Chat;
using Voting.Domain.Users;

namespace Voting.Application.Chat;

/// <summary>A direct conversation as one of its two users sees it.</summary>
public sealed record DirectConversation(RoomId RoomId, UserId With, long LastSequence, long LastReadSequence, int UnreadCount, DateTimeOffset CreatedAt, DateTimeOffset LastActivityAt);
