using Voting.Domain.Chat;
using Voting.Domain.Users;

namespace Voting.Application.Chat;

/// <summary>Some members' rows as they were when the room's log ended at <paramref name="LastSequence"/> (see <see cref="IChatRepository.ReadMembersAsync"/>).</summary>
public sealed record RoomMembersSnapshot(long LastSequence, IReadOnlyDictionary<UserId, RoomMember> Members);
